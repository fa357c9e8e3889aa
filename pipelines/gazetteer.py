"""Known names the statistical model often gets wrong: companies, places, parties and non-entities.

Every entry is general knowledge about tech and finance news, not about any one article. Matching is
case-sensitive on whole words, so "Meta" the company does not match "meta" the prefix.
"""

from __future__ import annotations

import re
from functools import lru_cache

# canonical name -> other spellings (all case-sensitive); the canonical name matches itself
COMPANIES: dict[str, tuple[str, ...]] = {
    "Alibaba": (
        "Alibaba Group",
        "Alibaba Group Holding",
        "Alibaba Group Holding Ltd",
        "Alibaba Group Holding Ltd.",
    ),
    "Alphabet": ("Alphabet Inc",),
    "Google": ("Google LLC",),
    "Meta": ("Meta Platforms", "Meta Platforms Inc"),
    "Facebook": (),
    "Instagram": (),
    "WhatsApp": (),
    "Apple": ("Apple Inc",),
    "Microsoft": ("Microsoft Corp",),
    "Amazon": ("Amazon.com",),
    "Amazon Web Services": ("AWS",),
    "Nvidia": ("NVIDIA",),
    "Tesla": ("Tesla Inc",),
    "OpenAI": (),
    "Anthropic": (),
    "xAI": (),
    "Mistral AI": (),
    "Hugging Face": (),
    "Perplexity": (),
    "Uber": ("Uber Technologies",),
    "Uber Eats": (),
    "Lyft": (),
    "DoorDash": (),
    "Airbnb": (),
    "Spotify": (),
    "Netflix": (),
    "Reddit": (),
    "LinkedIn": (),
    "Twitter": (),
    "TikTok": (),
    "ByteDance": (),
    "Snap": ("Snap Inc",),
    "Snapchat": (),
    "Pinterest": (),
    "Twitch": (),
    "Discord": (),
    "Telegram": (),
    "YouTube": (),
    "Strava": (),
    "Shopify": (),
    "Stripe": (),
    "PayPal": (),
    "Coinbase": (),
    "Binance": (),
    "Robinhood": (),
    "Tencent": (),
    "Baidu": (),
    "JD.com": (),
    "Pinduoduo": (),
    "Temu": (),
    "Shein": (),
    "Huawei": (),
    "Xiaomi": (),
    "BYD": (),
    "Samsung": ("Samsung Electronics",),
    "Sony": (),
    "SoftBank": (),
    "Toyota": (),
    "Honda": (),
    "Nissan": (),
    "TSMC": ("Taiwan Semiconductor Manufacturing",),
    "ASML": (),
    "Intel": (),
    "AMD": ("Advanced Micro Devices",),
    "Qualcomm": (),
    "Broadcom": (),
    "Arm": ("Arm Holdings",),
    "Oracle": (),
    "IBM": (),
    "Salesforce": (),
    "Adobe": (),
    "Cisco": (),
    "Dell": ("Dell Technologies",),
    "HP": (),
    "Palantir": (),
    "Snowflake": (),
    "CoreWeave": (),
    "Micron": ("Micron Technology",),
    "Siemens": (),
    "SAP": (),
    "Volkswagen": (),
    "BMW": (),
    "Mercedes-Benz": (),
    "Porsche": (),
    "Bosch": (),
    "Allianz": (),
    "Deutsche Bank": (),
    "Commerzbank": (),
    "Deutsche Telekom": (),
    "HSBC": (),
    "Barclays": (),
    "UBS": (),
    "Credit Suisse": (),
    "BNP Paribas": (),
    "Goldman Sachs": (),
    "JPMorgan": ("JPMorgan Chase", "JP Morgan", "J.P. Morgan"),
    "Morgan Stanley": (),
    "Citigroup": ("Citi",),
    "Bank of America": (),
    "Wells Fargo": (),
    "BlackRock": (),
    "Berkshire Hathaway": (),
    "Visa": (),
    "Mastercard": (),
    "Walmart": (),
    "Disney": ("Walt Disney",),
    "Boeing": (),
    "Airbus": (),
    "Nokia": (),
    "Ericsson": (),
    "Vodafone": (),
    "Foxconn": (),
    "Zoom": (),
    "Slack": (),
    "GitHub": (),
    "Epic Games": (),
    "Nintendo": (),
    "Roblox": (),
}

# Names that are also common words or places: matched only where the model found an entity there.
AMBIGUOUS = frozenset({"Apple", "Amazon", "Arm", "Visa", "Oracle", "Snap", "Zoom", "Slack", "Telegram", "HP"})
# Names that, after a lowercase "the", mean a place ("the Amazon").
PLACE_AFTER_THE = frozenset({"Amazon"})

# Short forms of places the model tags as organisations.
PLACES: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "USA", "U.S.A.", "America", "United States of America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "China": ("PRC", "People's Republic of China", "mainland China"),
    "Hong Kong": ("HK",),
    "South Korea": ("Korea", "Republic of Korea"),
    "Russia": ("Russian Federation",),
    "Netherlands": ("The Netherlands", "Holland"),
    "Saudi Arabia": ("KSA",),
    "New York": ("NYC", "New York City"),
    "Los Angeles": ("L.A.",),
    "Washington": ("Washington, D.C.", "Washington D.C.", "D.C."),
}

# Political parties: the model calls them NORP (nationalities/groups), the news calls them organisations.
PARTY = re.compile(
    r"^(Democrats?|Democratic Party|Republicans?|Republican Party|GOP|Conservatives?|Conservative Party"
    r"|Tory|Tories|Labour|Labour Party|Liberal Democrats?|Lib Dems?|Greens|Green Party|Reform UK"
    r"|SNP|Plaid Cymru|Liberals?|Liberal Party|NDP|New Democrats|Bloc Québécois|ANC|CDU|CSU|SPD|FDP|AfD"
    r"|Die Linke|Grüne|BJP|Congress Party)$"
)

# Acronyms and words the model tags as entities but that name no organisation, person or place.
NOT_ENTITIES = frozenset(
    {
        "AI",
        "GenAI",
        "AGI",
        "ML",
        "LLM",
        "LLMs",
        "GPT",
        "ChatGPT",
        "API",
        "APIs",
        "IT",
        "PR",
        "HR",
        "VP",
        "SVP",
        "EVP",
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "CIO",
        "CMO",
        "IPO",
        "ETF",
        "ETFs",
        "GDP",
        "CPI",
        "EPS",
        "ESG",
        "EV",
        "EVs",
        "NFT",
        "NFTs",
        "RPA",
        "SaaS",
        "IOU",
        "IoT",
        "AR",
        "VR",
        "Bitcoin",
        "bitcoin",
        "Ethereum",
        "Ether",
        "Covid",
        "COVID",
        "COVID-19",
        "Covid-19",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "H1",
        "H2",
        "FY",
        "YoY",
        "A.M.",
        "P.M.",
        "AM",
        "PM",
        "TV",
        "PC",
        "PCs",
        "GPU",
        "GPUs",
        "CPU",
        "CPUs",
        "Wi-Fi",
        "Ad",
        "Ads",
        "Census",
        "Internet",
        "Web",
        "Cloud",
        "Premium",
        "Pro",
        "Plus",
        "Read",
        "Watch",
        "Related",
        "Photo",
        "Image",
    }
)

# A last word that makes a name an organisation whatever the model said ("Clipboard AI", "Apex Capital").
ORG_HEADS = re.compile(
    r"\s(AI|Labs?|Technologies|Technology|Systems|Software|Networks|Bank|Capital|Ventures|Partners|Group"
    r"|Holdings|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|plc|PLC|AG|SE|GmbH|Airlines|Airways|Motors|Robotics"
    r"|Therapeutics|Pharmaceuticals|Foundation|Institute|University|Agency|Authority|Commission|Council"
    r"|Committee|Ministry|Department|Association|Federation|Party|Exchange|Fund|Trust|Media|Studios|Force|Forces"
    r"|Army|Navy|Police|Court|Office|Service|Bureau|Board|Times|Post|News|Journal|Magazine"
    r"|Games|Energy|Semiconductor|Insurance|Securities|Bancorp|Financial)$"
)
# A last word that makes a name a place ("De Villiers Street").
PLACE_HEADS = re.compile(
    r"\s(Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Square|Lane|Drive|Highway|Bridge|Park|Province"
    r"|County|District|Valley|River|Island|Islands|Mountains|Sea|Ocean|Bay|Gulf|Peninsula)$"
)


@lru_cache(maxsize=1)
def company_names() -> dict[str, str]:
    """Every spelling of a known company -> its canonical name."""
    names = {name: name for name in COMPANIES}
    for canonical, aliases in COMPANIES.items():
        names.update({alias: canonical for alias in aliases})
    return names


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    names = {name: name for name in PLACES}
    for canonical, aliases in PLACES.items():
        names.update({alias: canonical for alias in aliases})
    return names


@lru_cache(maxsize=1)
def company_pattern() -> re.Pattern[str]:
    """Unambiguous company names as whole words, longest first."""
    names = sorted((n for n, c in company_names().items() if c not in AMBIGUOUS), key=len, reverse=True)
    return re.compile(r"(?<![\w@#$/.-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-]|\.\w)")


def company(name: str) -> str | None:
    """Canonical name of a known company, or None."""
    return company_names().get(name)


def place(name: str) -> str | None:
    return place_names().get(name)


# --- name shapes and contexts that say what a name is (general English news usage) -------------------------

# Nationalities, peoples and faiths: the model tags them as people, places or organisations ("Welsh",
# "Nepali", "Latinos"); they are none of these. First names (Christian, Dane, Finn) are left out.
# fmt: off
DEMONYM_NOUNS = (
    "American", "Briton", "Scot", "Irishman", "Canadian", "Mexican",
    "Brazilian", "Argentine", "Argentinian", "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban",
    "Haitian", "Jamaican", "Italian", "German", "Belgian", "Austrian", "Swede", "Norwegian", "Icelander",
    "Pole", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Greek", "Turk", "Russian",
    "Ukrainian", "Belarusian", "Serb", "Serbian", "Croat", "Croatian", "Bosnian", "Albanian", "Estonian",
    "Latvian", "Lithuanian", "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Uzbek", "Korean", "Filipino",
    "Indonesian", "Malaysian", "Singaporean", "Indian", "Pakistani", "Bangladeshi", "Nepali", "Afghan",
    "Iranian", "Iraqi", "Syrian", "Israeli", "Palestinian", "Jordanian", "Saudi", "Emirati", "Qatari",
    "Kuwaiti", "Bahraini", "Omani", "Yemeni", "Egyptian", "Libyan", "Tunisian", "Algerian", "Moroccan",
    "Nigerian", "Ghanaian", "Kenyan", "Ethiopian", "Eritrean", "Somali", "Ugandan", "Tanzanian", "Rwandan",
    "Congolese", "Angolan", "Zambian", "Zimbabwean", "Australian", "European", "African", "Asian", "Arab",
    "Latino", "Latina", "Hispanic", "Bedouin", "Kurd", "Jew", "Muslim", "Catholic", "Protestant", "Hindu",
    "Sikh", "Buddhist", "Sunni", "Shiite", "Pashtun", "Uyghur", "Uighur", "Tibetan", "Rohingya", "Yazidi",
    "Druze", "Berber", "Scandinavian", "Nordic", "Caribbean", "Asian-American", "African-American",
    "Sri Lankan",
)
DEMONYM_ADJECTIVES = (
    "British", "English", "Scottish", "Welsh", "Irish", "French", "Spanish", "Portuguese", "Dutch", "Swiss",
    "Swedish", "Danish", "Finnish", "Polish", "Turkish", "Chinese", "Japanese", "Taiwanese", "Vietnamese",
    "Thai", "Burmese", "Nepalese", "Lebanese", "Sudanese", "Senegalese", "Kurdish", "Jewish", "Arabic",
    "Maori", "Aboriginal", "Inuit", "Shia",
)
# fmt: on
DEMONYMS = frozenset(DEMONYM_ADJECTIVES) | {w + s for w in DEMONYM_NOUNS for s in ("", "s")}

# A last word that makes a name an event, a law or a document, not an organisation, person or place.
EVENT_HEADS = re.compile(
    r"\s(Summit|Conference|Convention|Expo|Festival|Awards?|Prize|Cup|Championships?|Olympics|Marathon"
    r"|Act|Treaty|Accords?|Agreement|Protocol|Statement)$"
)
# A lowercase noun right after a name that makes the name an event's or agreement's ("the Paris climate
# accord", "its Cloud Next conference"): the name is not a place or a person there.
EVENT_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:conference|summit|festival|expo|convention|treaty|accords?|agreement|protocol)\b"
)
# A lowercase noun right after a name that makes the name a product's or weapon's ("Merkava tanks",
# "Browning machine guns"), unless the name is a known company (the maker: "Boeing jets").
PRODUCT_AFTER = re.compile(
    r"\s+(?:tanks?|rifles?|pistols?|(?:machine\s+)?guns?|missiles?|rockets?|howitzers?|warships?"
    r"|fighter\s+jets?|helicopters?|drones?|smartphones?|handsets?)\b"
)
# An apposition that says the name before it is an organisation ("Etlaq, the company behind ...",
# "Observatório do Clima, a coalition of ...").
ORG_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|start-up|coalition|organi[sz]ation"
    r"|nonprofit|non-profit|charity|agency|airline|carrier|manufacturer|maker|retailer|publisher|broadcaster"
    r"|newspaper|think\s+tank|union|conglomerate|lender|insurer|operator)"
    r"(?=\s+(?:that|which|behind|based|founded|of|in|with|from|owned|run|known|whose|for)\b|[,.;:)—–])"
)
# Words before a name that say it is a place ("the village of Alma al-Chaab", "counties such as Durham").
PLACE_BEFORE = re.compile(
    r"\b(?:(?:village|town|city|region|province|district|county|state|neighbou?rhood|suburb|island"
    r"|municipality|port)\s+of|(?:villages|towns|cities|regions|provinces|districts|counties|states"
    r"|neighbou?rhoods|suburbs|islands|municipalities)\s+(?:such\s+as|including|like|of))\s+"
    r"(?:[A-Z][\w'-]*(?:,\s+|\s+(?:and|or)\s+))*$"  # the next names of a list: 'counties such as Durham and'
)
