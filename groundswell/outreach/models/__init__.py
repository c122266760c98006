"""Outreach: survey questions and answers, call assignments with their queue, texting campaigns."""

from groundswell.outreach.models.calls import (
    AssignmentKind,
    AssignmentQuestion,
    AssignmentStatus,
    CallAssignment,
    CallAttempt,
    CallOutcome,
    CallQueueEntry,
)
from groundswell.outreach.models.surveys import Answer, Question, QuestionKind
from groundswell.outreach.models.texting import (
    CampaignStatus,
    CannedResponse,
    Conversation,
    ConversationStatus,
    Direction,
    TextCampaign,
    TextMessage,
)

__all__ = [
    "Answer",
    "AssignmentKind",
    "AssignmentQuestion",
    "AssignmentStatus",
    "CallAssignment",
    "CallAttempt",
    "CallOutcome",
    "CallQueueEntry",
    "CampaignStatus",
    "CannedResponse",
    "Conversation",
    "ConversationStatus",
    "Direction",
    "Question",
    "QuestionKind",
    "TextCampaign",
    "TextMessage",
]
