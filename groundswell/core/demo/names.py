"""Invented British names for the demo movement, drawn from the many heritages of people living in the UK.

Each pool keeps given and family names together so that a person's names belong to one tradition; where
people live shifts the mix (more Welsh names in Wales, more South Asian names in Birmingham or Bradford...).
"""

from dataclasses import dataclass
from random import Random


@dataclass(frozen=True)
class NamePool:
    given: tuple[str, ...]
    family: tuple[str, ...]
    languages: tuple[str, ...] = ()  # spoken at home by some, for the "languages" custom field


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


POOLS: dict[str, NamePool] = {
    "english": NamePool(
        _words(
            "Oliver Jack Harry George Thomas James William Daniel Samuel Joseph Matthew Luke Ben "
            "Chris Paul Mark David Stephen Andrew Gary Olivia Amelia Emily Jessica Sophie Charlotte "
            "Hannah Lucy Grace Ellie Sarah Rebecca Laura Emma Claire Helen Karen Julie Joanne Rachel "
            "Beth Alfie Archie Freddie Poppy Daisy Sam Alex Jo Kim"
        ),
        _words(
            "Smith Jones Taylor Brown Wilson Johnson Wright Walker Robinson Thompson White Hughes "
            "Edwards Green Hall Wood Harris Clarke Jackson Turner Hill Moore Cooper Ward Baker "
            "Harrison Morris King Allen Carter Marshall Bennett Shaw Holmes Barker Fletcher Pearson "
            "Dixon Hunt Chapman Booth Atkinson Lawrence Webb Fox Gibson Kershaw Ashworth Tranter"
        ),
    ),
    "scottish": NamePool(
        _words(
            "Callum Ewan Fraser Hamish Angus Lewis Ruaridh Calum Finlay Craig Alasdair Iain Murdo "
            "Catriona Eilidh Isla Morag Kirsty Fiona Mhairi Ailsa Shona Iona Lorna Rhona Skye "
            "Eilidh Kenny Gordon Neil"
        ),
        _words(
            "MacDonald Campbell Stewart Robertson Thomson Anderson Scott Murray MacLeod Reid "
            "Fraser Ross Paterson Henderson Morrison Ferguson Cameron Mackenzie Sinclair Grant "
            "Kerr Buchanan Munro McIntyre Drummond Gillespie Sutherland Crawford McLean Baird"
        ),
        ("Gaelic",),
    ),
    "welsh": NamePool(
        _words(
            "Rhys Dafydd Gethin Ieuan Emyr Huw Owain Aled Gareth Dylan Iwan Tomos Cerys Ffion "
            "Seren Nia Catrin Angharad Bethan Eleri Carys Lowri Mared Sioned Rhiannon Elin Gwen Megan"
        ),
        _words(
            "Jones Williams Davies Evans Thomas Roberts Lewis Morgan Griffiths Price Rees Jenkins "
            "Powell Pritchard Llewellyn Vaughan Prosser Bowen Parry Howells Owen Hopkins Lloyd Pugh"
        ),
        ("Welsh",),
    ),
    "irish": NamePool(
        _words(
            "Ciaran Padraig Eoin Cormac Declan Niall Seamus Ronan Conor Fionn Darragh Oisin Siobhan "
            "Aoife Niamh Roisin Orla Saoirse Grainne Caoimhe Sinead Maeve Bridget Clodagh Aine Una"
        ),
        _words(
            "Murphy Kelly O'Brien Byrne Ryan O'Neill Walsh Doherty McLaughlin Gallagher Quinn "
            "Kennedy Lynch Brennan Duffy Devlin Hughes McCann Maguire O'Donnell Donnelly Farrell "
            "Connolly McGuinness Fitzgerald Power"
        ),
        ("Irish",),
    ),
    "indian": NamePool(
        _words(
            "Arjun Rohan Vikram Sanjay Rajesh Amit Harpreet Gurpreet Jaspal Manjit Kuldeep Ravi "
            "Priya Anjali Sunita Meera Kavita Deepa Simran Harjeet Navjot Pooja Nisha Asha Kiran Anil"
        ),
        _words(
            "Patel Sharma Singh Kaur Gill Sandhu Sidhu Dhillon Mistry Shah Mehta Joshi Chauhan "
            "Kumar Verma Gupta Bains Virdi Parmar Solanki Lakhani Desai Nair Pillai"
        ),
        ("Punjabi", "Gujarati", "Hindi", "Tamil"),
    ),
    "pakistani_bangladeshi": NamePool(
        _words(
            "Mohammed Ahmed Imran Bilal Usman Tariq Zain Faisal Kamran Shahid Rizwan Abdul Yasin "
            "Aisha Fatima Ayesha Sana Nadia Rukhsana Shabana Hina Nazia Yasmin Shirin Rahima Taslima"
        ),
        _words(
            "Khan Hussain Ali Ahmed Rahman Iqbal Akhtar Mahmood Begum Choudhury Uddin Islam Miah "
            "Hossain Butt Malik Shah Rashid Aziz Qureshi Siddiqui Chowdhury Karim Haque"
        ),
        ("Urdu", "Bengali", "Sylheti", "Punjabi"),
    ),
    "caribbean": NamePool(
        _words(
            "Marcus Delroy Winston Leon Tyrone Desmond Errol Jermaine Dwayne Kwame Andre Clive "
            "Marcia Paulette Yvonne Shanice Janelle Beverley Claudette Simone Tanisha Nadine Sonia"
        ),
        _words(
            "Campbell Williams Brown Grant Clarke Francis Henry Thomas Reid Edwards Lewis Blake "
            "Forbes Gordon Walters Bailey Samuels Wint Morgan Powell Mattis Stephenson Gayle"
        ),
        ("Jamaican Patois",),
    ),
    "west_african": NamePool(
        _words(
            "Chinedu Emeka Oluwaseun Tunde Kwabena Kofi Yaw Femi Ayodele Obinna Babajide Ikenna "
            "Adaeze Chiamaka Folake Ngozi Abena Ama Efua Funmilayo Yetunde Nneka Adwoa Temitope"
        ),
        _words(
            "Okafor Adeyemi Okonkwo Mensah Boateng Owusu Asante Adebayo Oyelaran Eze Nwosu Ogunleye "
            "Osei Appiah Afolabi Okoro Danso Bakare Obi Achebe Agyeman Oduya"
        ),
        ("Yoruba", "Igbo", "Twi"),
    ),
    "east_african": NamePool(
        _words(
            "Abdi Mohamed Hassan Yusuf Abdirahman Omar Said Mahad Farah Hodan Amina Halima Sahra "
            "Faadumo Ifrah Nimco Ubah Ayaan Hibaq Sagal Tesfaye Dawit Selam Mekdes"
        ),
        _words(
            "Farah Hassan Abdi Mohamud Warsame Jama Ali Osman Ibrahim Nur Egal Yusuf Aden Duale "
            "Ismail Gebre Tadesse Haile Bekele Kariuki Otieno Wanjiru Mwangi"
        ),
        ("Somali", "Amharic", "Tigrinya", "Swahili"),
    ),
    "polish": NamePool(
        _words(
            "Piotr Tomasz Krzysztof Pawel Marcin Michal Jakub Lukasz Kamil Grzegorz Agnieszka "
            "Katarzyna Magdalena Joanna Anna Monika Ewa Marta Karolina Aleksandra Zofia Dorota"
        ),
        _words(
            "Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski "
            "Wozniak Dabrowski Kozlowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski"
        ),
        ("Polish",),
    ),
    "romanian_portuguese": NamePool(
        _words(
            "Andrei Mihai Ionut Florin Bogdan Alexandru Ioana Elena Andreea Cristina Joao Tiago "
            "Rui Pedro Bruno Ana Ines Beatriz Mariana Rita Carla Sofia"
        ),
        _words(
            "Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Munteanu Silva Santos Ferreira "
            "Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes Goncalves Lopes"
        ),
        ("Romanian", "Portuguese"),
    ),
    "east_asian": NamePool(
        _words(
            "Wei Jun Hao Ming Kai Jian Tuan Minh Duc Li Mei Ling Xin Yan Hui Linh Thao Lan Yuki Jia"
        ),
        _words(
            "Chen Wong Li Zhang Wang Liu Lam Cheung Ng Chan Tang Ho Yip Nguyen Tran Pham Le Lim Tan"
        ),
        ("Cantonese", "Mandarin", "Vietnamese"),
    ),
    "turkish_greek_cypriot": NamePool(
        _words(
            "Mehmet Mustafa Ahmet Emre Hasan Kemal Ayse Elif Zeynep Emine Hatice Nikos Andreas "
            "Christos Yiannis Costas Maria Eleni Georgia Katerina Despina Sophia"
        ),
        _words(
            "Yilmaz Kaya Demir Sahin Celik Ozturk Arslan Dogan Aydin Georgiou Christodoulou "
            "Constantinou Ioannou Nicolaou Papadopoulos Charalambous Michael Kyriacou"
        ),
        ("Turkish", "Kurdish", "Greek"),
    ),
}

# Rough heritage mixes by where a person lives: invented weights, not census figures.
_ENGLAND = {
    "english": 62, "irish": 5, "scottish": 3, "welsh": 2, "indian": 7,
    "pakistani_bangladeshi": 6, "caribbean": 3, "west_african": 3, "east_african": 2,
    "polish": 3, "romanian_portuguese": 2, "east_asian": 2, "turkish_greek_cypriot": 1,
}  # fmt: skip
_LONDON = {
    "english": 34, "irish": 5, "scottish": 2, "welsh": 1, "indian": 10,
    "pakistani_bangladeshi": 10, "caribbean": 8, "west_african": 9, "east_african": 5,
    "polish": 4, "romanian_portuguese": 5, "east_asian": 4, "turkish_greek_cypriot": 4,
}  # fmt: skip
_WEST_MIDLANDS = {**_ENGLAND, "english": 52, "indian": 12, "pakistani_bangladeshi": 12}
_YORKSHIRE = {**_ENGLAND, "english": 58, "pakistani_bangladeshi": 12}
_SCOTLAND = {
    "scottish": 62, "english": 12, "irish": 8, "pakistani_bangladeshi": 5, "indian": 2,
    "polish": 6, "east_asian": 2, "west_african": 1, "east_african": 1, "romanian_portuguese": 1,
}  # fmt: skip
_WALES = {
    "welsh": 60, "english": 26, "irish": 3, "scottish": 1, "indian": 2,
    "pakistani_bangladeshi": 2, "east_african": 2, "polish": 3, "west_african": 1,
}  # fmt: skip
_NORTHERN_IRELAND = {
    "irish": 70,
    "scottish": 12,
    "english": 10,
    "polish": 5,
    "east_asian": 2,
    "indian": 1,
}

HERITAGE_BY_REGION: dict[str, dict[str, int]] = {
    "London": _LONDON,
    "West Midlands": _WEST_MIDLANDS,
    "Yorkshire and The Humber": _YORKSHIRE,
    "Scotland": _SCOTLAND,
    "Wales": _WALES,
    "Northern Ireland": _NORTHERN_IRELAND,
}


def _cumulative(mix: dict[str, int]) -> tuple[list[str], list[int]]:
    names = sorted(mix)
    totals, running = [], 0
    for name in names:
        running += mix[name]
        totals.append(running)
    return names, totals


_MIXES = {region: _cumulative(mix) for region, mix in HERITAGE_BY_REGION.items()}
_DEFAULT_MIX = _cumulative(_ENGLAND)


def pick_heritage(rng: Random, region: str) -> str:
    names, totals = _MIXES.get(region, _DEFAULT_MIX)
    return rng.choices(names, cum_weights=totals)[0]


def pick_name(rng: Random, heritage: str) -> tuple[str, str]:
    """(given, family). One in eight takes a given name from another tradition, as families do."""
    pool = POOLS[heritage]
    given_pool = POOLS[rng.choice(sorted(POOLS))] if rng.random() < 0.125 else pool
    return rng.choice(given_pool.given), rng.choice(pool.family)
