"""Survey questions asked by callers and texters, and the answers saved to a person's record."""

from django.conf import settings
from django.db import models


class QuestionKind(models.TextChoices):
    YES_NO_MAYBE = "yes_no_maybe", "Yes / no / maybe"
    SINGLE = "single", "Choose one"
    MULTIPLE = "multiple", "Choose any"
    TEXT = "text", "Free text"
    EVENT_RSVP = "event_rsvp", "Will you come to an event?"  # a "yes" signs them up to the shift


YES_NO_MAYBE = ["yes", "no", "maybe"]


class Question(models.Model):
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    # The options for single and multiple choice; yes/no/maybe for the other closed kinds.
    choices = models.JSONField(default=list, blank=True)
    # For EVENT_RSVP: the shift a "yes" signs the person up to.
    shift = models.ForeignKey(
        "events.Shift", null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text

    @property
    def options(self) -> list[str]:
        """The values a closed question accepts (empty for free text)."""
        if self.kind in (QuestionKind.YES_NO_MAYBE, QuestionKind.EVENT_RSVP):
            return YES_NO_MAYBE
        return list(self.choices) if self.kind != QuestionKind.TEXT else []


class Answer(models.Model):
    """One answer on a person's record: one row per chosen option (multiple choice gives several)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.CharField(max_length=200, blank=True)  # the option chosen; "" for free text
    text = models.TextField(blank=True)  # free text
    answered_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assignment = models.ForeignKey(
        "outreach.CallAssignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )

    class Meta:
        indexes = [
            models.Index(fields=["question", "value", "person"], name="answer_question_value"),
            models.Index(fields=["person", "question"], name="answer_person_question"),
        ]

    def __str__(self) -> str:
        return self.value or self.text[:60]
