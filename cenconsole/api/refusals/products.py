"""Other products' resources named by an action (a VBR, a VPN connection, an ECR...): products.services."""

ERRORS = {
    (None, "resource_id_format"): ("InvalidParameter", 400, None),  # documented code
    (None, "resource_region"): ("InvalidParameter", 400, None),  # documented code
}
