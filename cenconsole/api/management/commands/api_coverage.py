from django.core.management.base import BaseCommand, CommandError

from cenconsole.api import coverage, terraform_coverage


class Command(BaseCommand):
    help = (
        "Prints how many of the actions of Alibaba Cloud's SDK (alibabacloud-cbn20170912) the API answers, "
        "by group, and the status of every alicloud_cen_* Terraform resource and data source, as the Markdown "
        "tables of docs/scripting/coverage.md (make api-coverage writes them there)."
    )

    def handle(self, *args, **options):
        try:
            groups = coverage.coverage()
        except ImportError as error:
            raise CommandError(
                f"alibabacloud-cbn20170912 is needed to list the SDK's actions ({error}): make install-dev."
            ) from None
        self.stdout.write(coverage.markdown(groups) + terraform_coverage.markdown(), ending="")
