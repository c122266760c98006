"""The invented movement's vocabulary: tags, sources, unions, custom fields, workplaces, action groups, notes."""

from dataclasses import dataclass

# (tag, chance for a member; supporters and lapsed members are a third as likely to be active)
TAGS: tuple[tuple[str, float], ...] = (
    ("canvasser", 0.20),
    ("phone banker", 0.10),
    ("driver", 0.05),
    ("NHS worker", 0.07),
    ("renter", 0.18),
    ("2019 campaign", 0.12),
    ("speaker", 0.02),
    ("young members", 0.09),
    ("teacher", 0.04),
    ("union rep", 0.03),
    ("trainer", 0.01),
    ("councillor", 0.006),
)
ACTIVITY_TAGS = {"canvasser", "phone banker", "driver", "speaker", "trainer", "2019 campaign"}

# (source, how consent was recorded there, weight)
SOURCES: tuple[tuple[str, str, int], ...] = (
    ("sign-up form", "sign-up form", 40),
    ("2019 membership list", "import: 2019 membership list", 18),
    ("event sign-in sheet", "event sign-in sheet", 12),
    ("petition: Homes for All", "petition form", 10),
    ("union stall", "paper form at a union stall", 7),
    ("friend referral", "sign-up form", 6),
    ("Action Network import", "import: Action Network export", 7),
)

UNIONS = ("Unite", "UNISON", "GMB", "CWU", "NEU", "RMT", "BFAWU", "PCS")
UNION_BY_TAG = {"NHS worker": ("UNISON", "Unite", "GMB"), "teacher": ("NEU",)}

AVAILABILITY = ("Weekday evenings", "Weekends", "Weekday daytime", "Any time")

# (key, label, kind, choices, help text)
CUSTOM_FIELDS: tuple[tuple[str, str, str, tuple[str, ...], str], ...] = (
    ("union", "Trade union", "choice", UNIONS, "The union they belong to, if any."),
    ("languages", "Languages", "text", (), "Languages spoken besides English."),
    ("availability", "Usually available", "choice", AVAILABILITY, "When they can volunteer."),
)


@dataclass(frozen=True)
class AreaGroup:
    """A workplace or action group anchored on real postcode districts."""

    name: str
    kind: str
    districts: tuple[str, ...]
    tag: str  # people with this tag nearby are the likeliest to belong
    description: str


WORKPLACES = (
    AreaGroup("Royal London Hospital staff", "workplace", ("E1",), "NHS worker",
              "Nurses, porters, cleaners and doctors at the Royal London organising for safe staffing."),
    AreaGroup("Amazon Coventry workers", "workplace", ("CV3", "CV7"), "union rep",
              "Warehouse workers at Amazon's Coventry sites organising for a fair wage and safe breaks."),
    AreaGroup("Manchester Royal Infirmary staff", "workplace", ("M13",), "NHS worker",
              "Staff at the MRI campaigning against outsourcing and for fair pay."),
    AreaGroup("Glasgow Royal Infirmary staff", "workplace", ("G4", "G31"), "NHS worker",
              "Health workers at the GRI standing together across every grade."),
    AreaGroup("Mount Pleasant postal workers", "workplace", ("EC1R", "WC1X"), "union rep",
              "Royal Mail workers at Mount Pleasant, the biggest sorting office in London."),
    AreaGroup("Cardiff University staff", "workplace", ("CF10", "CF24"), "teacher",
              "Lecturers, researchers and support staff organising against casual contracts."),
)  # fmt: skip

ACTION_GROUPS = (
    AreaGroup("Tower Hamlets eviction resistance", "action", ("E1", "E2", "E3", "E14"), "renter",
              "Neighbours who turn out at short notice when a tenant in Tower Hamlets faces eviction."),
    AreaGroup("Greater Manchester renters' defence", "action", ("M14", "M16", "M19", "M20"), "renter",
              "Renters backing each other against illegal evictions, disrepair and no-fault notices."),
    AreaGroup("Glasgow tenants' rapid response", "action", ("G11", "G12", "G42", "G41"), "renter",
              "A phone tree of tenants ready to stand with anyone facing a sheriff officer."),
)  # fmt: skip

NOTES = (
    "Met at the stall on the high street; keen to canvass at weekends.",
    "Prefers texts to calls. Works nights, so no calls before noon.",
    "Offered to drive people to the marginal seats on Saturdays.",
    "Spoke well at the branch meeting on housing; could speak at the next rally.",
    "Union rep at work; can bring colleagues to the next meeting.",
    "Asked about the political education course starting in spring.",
    "Helped run the phone bank for the AGM turnout.",
    "Moving house next month; check the new postcode.",
    "Has childcare on Tuesdays, so evening meetings are hard.",
    "Interested in the eviction resistance phone tree.",
)

LOCAL_DESCRIPTION = (
    "Groundswell members and supporters in {seat}. We meet monthly, canvass most weekends and back local "
    "campaigns on housing, the NHS and workers' rights. Everyone is welcome."
)
LOCAL_MEMBERS_INFO = (
    "Monthly meeting: first Tuesday, 7pm (venue in the latest email). Canvassing meets Saturday 10.30am. "
    "Ask an organiser to be added to the group chat."
)
UNION_DESCRIPTION = "{union} members in Groundswell: organising in our workplaces and in the union, and linking the two."
COUNCILLORS_DESCRIPTION = "Groundswell's councillors across the UK, sharing motions, budgets that protect services, and support."
NATIONAL_DESCRIPTION = (
    "The national team: campaigns, political education, data and support for every group."
)
NETWORK_MEMBERS_INFO = (
    "Network calls are on the second Thursday of the month at 7.30pm; the link is emailed."
)
