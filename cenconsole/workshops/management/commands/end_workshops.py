from django.core.management.base import BaseCommand

from cenconsole.workshops.services import workshops_end_due


class Command(BaseCommand):
    help = (
        "Ends every workshop past its length (real time): keeps the board's figures, then removes the "
        "trainee sandboxes. Run it before purge_sandboxes (make run does, once a minute)."
    )

    def handle(self, *args, **options):
        ended = workshops_end_due()
        if ended:
            self.stdout.write(f"Ended {len(ended)} workshop(s).")
