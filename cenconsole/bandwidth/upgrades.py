"""Data upgrades the migrations run, kept in the app so tests call them without importing a migration."""

from cenconsole.bandwidth.pricing import add_months


def paid_terms_from_orders(apps, schema_editor):
    """Gives every paid order its term, replaying each package's paid orders as Pay made them: a
    purchase runs from its payment; a renewal from the expiration (an auto-renewal always, another
    from its payment if the package had expired); an upgrade or downgrade from its payment to the
    expiration then."""
    Order = apps.get_model("bandwidth", "Order")
    paid = Order.objects.filter(status="Paid", package__isnull=False).order_by("package_id", "paid_at", "pk")
    expiry = {}
    changed = []
    for order in paid.iterator():
        end = expiry.get(order.package_id)
        if order.order_type == "Buy":
            order.term_start = order.paid_at
            order.term_end = add_months(order.paid_at, order.duration_months)
        elif end is None:
            continue  # a history this replay cannot follow: its refunds fall back on the paid total
        elif order.order_type == "Renew":
            auto = order.idempotency_key.startswith("auto-renew:")
            order.term_start = end if auto else max(end, order.paid_at)
            order.term_end = add_months(order.term_start, order.duration_months)
        else:
            order.term_start, order.term_end = order.paid_at, end
        expiry[order.package_id] = order.term_end
        changed.append(order)
    Order.objects.bulk_update(changed, ["term_start", "term_end"], batch_size=500)
