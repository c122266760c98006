"""Words for the demo's events: what each kind is called, where it meets, when, and how many it holds."""

from dataclasses import dataclass


@dataclass(frozen=True)
class KindStyle:
    titles: tuple[str, ...]  # formatted with {area} (the group's area) and {topic}
    venues: tuple[str, ...]  # "" for an online event
    weekdays: tuple[int, ...]  # Monday is 0
    times: tuple[tuple[int, int, int], ...]  # (hour, minute, minutes long) of each shift in a day
    capacities: tuple[int, ...]
    description: str
    instructions: str


TOPICS = (
    "why the NHS must stay public", "organising renters", "a Green New Deal for our towns",
    "how the party works: CLPs, branches and conference", "public ownership of water",
    "the history of the Chartists", "winning your union branch", "council budgets explained",
)  # fmt: skip

STYLES = {
    "canvass": KindStyle(
        titles=(
            "Door-knocking in {area}",
            "Canvass: {area}",
            "Knocking doors in {area}",
            "Doorstep conversations in {area}",
        ),  # fmt: skip
        venues=(
            "Meet at the library steps",
            "Meet outside the station",
            "Community café (meeting point)",
            "Meet by the market clock",
        ),  # fmt: skip
        weekdays=(5, 5, 6, 2),
        times=((10, 0, 150), (13, 30, 150)),
        capacities=(12, 15, 20, 25, 30),
        description="We knock on doors in pairs, listen to what people tell us and note it for the campaign. "
        "New to canvassing? You will be paired with someone who has done it before, and there is a "
        "ten-minute briefing at the start.",
        instructions="Bring comfortable shoes, a water bottle and a charged phone. Clipboards and leaflets are "
        "provided. If you cannot find us, call the contact on the day.",
    ),
    "phone_bank": KindStyle(
        titles=("Phone bank: calling members in {area}", "Evening phone bank for {area}"),
        venues=("Unite office, upstairs", "Community centre, room 2", ""),
        weekdays=(0, 1, 2, 3),
        times=((18, 30, 120),),
        capacities=(8, 10, 12, 15, 20),
        description="We call members and supporters from a short script to invite them to what is coming up. "
        "Bring a laptop or use your phone; there is training for first-timers at the start.",
        instructions="Bring a charged phone and headphones. The script and call sheets are shared at the start.",
    ),
    "meeting": KindStyle(
        titles=("{area} monthly meeting", "{area} members' meeting"),
        venues=(
            "Trades Hall, main room",
            "Community centre, main hall",
            "Quaker Meeting House",
            "Library meeting room",
            "St Mary's church hall",
        ),  # fmt: skip
        weekdays=(1, 2, 3),
        times=((19, 0, 120),),
        capacities=(40, 60, 80, 120),
        description="Our regular meeting: reports from the campaigns, a discussion, and plans for the month "
        "ahead. Everyone welcome; tea and biscuits from 6.45.",
        instructions="The hall has step-free access from the side entrance. The agenda is sent the day before.",
    ),
    "agm": KindStyle(
        titles=("{area} AGM", "{area} annual general meeting and officer elections"),
        venues=(
            "Trades Hall, main room",
            "Community centre, main hall",
            "Town hall, committee room 1",
        ),
        weekdays=(5, 3),
        times=((11, 0, 150),),
        capacities=(80, 120, 200),
        description="We elect our officers and delegates for the year and vote on motions. Members of the "
        "group only; please bring your membership number.",
        instructions="Doors open 30 minutes early for registration. Nominations close at the start of the "
        "meeting.",
    ),
    "education": KindStyle(
        titles=("Political education: {topic}", "Reading group: {topic}"),
        venues=("Library meeting room", "Community centre, room 1", "Bookshop back room"),
        weekdays=(0, 1, 2, 3),
        times=((19, 0, 120),),
        capacities=(20, 25, 30, 40),
        description="A talk followed by discussion in small groups. No reading needed beforehand; a short "
        "pack is shared with everyone who signs up.",
        instructions="The reading pack is attached to your confirmation; skim it if you can.",
    ),
    "social": KindStyle(
        titles=(
            "{area} social",
            "Quiz night with {area} Groundswell",
            "Curry and comedy night in {area}",
        ),
        venues=("The Red Lion (back room)", "The Crown and Anchor", "Community café"),
        weekdays=(4, 5),
        times=((19, 30, 180),),
        capacities=(30, 40, 60),
        description="A relaxed evening to meet other members. New faces especially welcome; food and soft "
        "drinks available.",
        instructions="We have booked the back room: ask at the bar for Groundswell.",
    ),
    "picket": KindStyle(
        titles=("Solidarity picket: support the {area} bin workers", "Picket line visit in {area}"),
        venues=("Outside the depot gates", "Outside the hospital main entrance"),
        weekdays=(0, 1, 2, 3, 4),
        times=((7, 0, 120),),
        capacities=(30, 50),
        description="Join the strikers on the picket line to show our support. Bring a flask; we will bring "
        "flags and a banner.",
        instructions="Stay on the pavement and follow the union's picket supervisor. Wrap up warm.",
    ),
    "online": KindStyle(
        titles=("Online call: {topic}", "Members' call on {topic}"),
        venues=("",),
        weekdays=(1, 2, 3),
        times=((19, 0, 60),),
        capacities=(100, 150, 300),
        description="An online call with a short introduction and time for questions. Join from anywhere.",
        instructions="The link opens ten minutes early. Please mute when you are not speaking.",
    ),
}
# How many events of each kind a local group runs over the eight weeks (each drawn at random in this range).
PER_GROUP = {
    "canvass": (1, 3), "phone_bank": (0, 2), "meeting": (1, 2), "social": (0, 1),
    "education": (0, 1), "online": (0, 1), "picket": (0, 1), "agm": (0, 1),
}  # fmt: skip
AGM_SHARE = 0.12  # of groups holding their AGM in these weeks
PICKET_SHARE = 0.15
MEMBERS_ONLY_SHARE = 0.12
