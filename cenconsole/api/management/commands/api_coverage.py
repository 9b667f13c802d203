from django.core.management.base import BaseCommand, CommandError

from cenconsole.api import coverage


class Command(BaseCommand):
    help = (
        "Prints how many of the actions of Alibaba Cloud's SDK (alibabacloud-cbn20170912) the API answers, "
        "by group, as the Markdown table of docs/scripting/coverage.md (make api-coverage writes it there)."
    )

    def handle(self, *args, **options):
        try:
            groups = coverage.coverage()
        except ImportError as error:
            raise CommandError(
                f"alibabacloud-cbn20170912 is needed to list the SDK's actions ({error}): make install-dev."
            ) from None
        self.stdout.write(coverage.markdown(groups), ending="")
