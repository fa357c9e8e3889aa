"""Layout B articles (modern publisher: semantic markup + JSON-LD)."""

from __future__ import annotations

NL_B = (
    "newsletter",
    "Sign up to Morning Brief",
    "The stories that move markets, in your inbox before the opening bell.",
    "Get the newsletter",
)
NL_B2 = (
    "newsletter",
    "Get Tech Weekly in your inbox",
    "Our reporters' pick of the week's most important technology stories, every Friday.",
    "Get the newsletter",
)

ARTICLES_B = [
    {
        "key": "B1",
        "layout": "B",
        "lang": "en",
        "cat": "markets",
        "path": "/news/meridian-pay-agrees-3-4bn-takeover-of-lisbon-fintech-tessera-48213.html",
        "title": "Meridian Pay agrees $3.4bn takeover of Lisbon fintech Tessera",
        "authors": ["Priya Raman", "Tom Becker"],
        "published": "2025-12-15T07:05:00+00:00",
        "modified": "2025-12-15T09:40:00+00:00",
        "caption": "Tessera's offices in Lisbon's Alcântara district.",
        "credit": "Photo: NewsCase/Rita Alves",
        "related": ["B6", "C7", "A7"],
        "body": [
            "Meridian Pay, the US payments group, has agreed to buy the Lisbon-based fintech "
            "Tessera for $3.4bn in cash and shares, in the largest acquisition of a European "
            "payments start-up this year.",
            "The deal, announced early on Monday, values Tessera at roughly 11 times its expected "
            "2025 revenue and gives Meridian a foothold in small-business banking across southern "
            "Europe, where Tessera has won more than 620,000 merchants as customers since it was "
            "founded in 2017.",
            ("readmore", "B6"),
            "Meridian chief executive Dana Whitlock said the combination would let the company "
            "offer card acceptance, invoicing and short-term loans through a single app. “Small "
            "businesses in Europe are still juggling four or five providers,” she said. “We think "
            "one will do.”",
            ("advert",),
            ("h2", "Founders stay on"),
            "Tessera's co-founders, Inês Carvalho and Rui Mendes, will remain in charge of the "
            "business, which will keep its brand and its headquarters in Lisbon. Around 40 per "
            "cent of the purchase price will be paid in Meridian shares, which will be subject to "
            "a three-year lock-up for the founders.",
            "Shares in Meridian (NYSE: MRDP) rose 2.8 per cent in pre-market trading in New York. "
            "Analysts said the price was steep but the strategic logic was clear, pointing to "
            "Tessera's revenue growth of 64 per cent in the first nine months of the year.",
            NL_B,
            "The acquisition still requires approval from competition authorities in Portugal, "
            "Spain and the EU, as well as from the Bank of Portugal, which supervises Tessera's "
            "e-money licence. The companies expect the deal to close in the second quarter of "
            "2026.",
            ("h2", "Consolidation wave"),
            "The deal is the latest in a string of takeovers in the payments sector, as larger "
            "groups use their higher share prices to buy growth. Venture capital investors, many "
            "of whom have struggled to exit fintech holdings since valuations fell in 2022, "
            "welcomed the news.",
            ("readmore", "C7"),
            "“This is the exit the European ecosystem has been waiting for,” said Sophie Laurent, "
            "a partner at the Paris-based fund Atelier Ventures, which is not an investor in "
            "Tessera.",
        ],
    },
    {
        "key": "B2",
        "layout": "B",
        "lang": "en",
        "cat": "markets",
        "path": "/news/chip-stocks-drag-nasdaq-lower-as-investors-question-ai-spending-48177.html",
        "title": "Chip stocks drag Nasdaq lower as investors question AI spending",
        "authors": ["Hannah Cole"],
        "published": "2025-12-11T21:15:00+00:00",
        "modified": "2025-12-11T22:30:00+00:00",
        "caption": "Traders on the floor of the New York Stock Exchange.",
        "credit": "Photo: NewsCase/Mark Jensen",
        "related": ["B3", "A8", "C4"],
        "body": [
            "Shares of chipmakers fell sharply on Thursday, pulling the Nasdaq Composite down 1.6 "
            "per cent, as a cautious outlook from a major equipment supplier revived doubts about "
            "how long the boom in artificial intelligence spending can last.",
            "The S&P 500 lost 0.9 per cent and the Dow Jones Industrial Average slipped 0.3 per "
            "cent, with losses concentrated in technology. An index of semiconductor shares had "
            "its worst day since early October.",
            "The sell-off was triggered by Veridian Lithography (NASDAQ: VRDL), which makes "
            "equipment used to produce advanced chips. The company said late on Wednesday that "
            "two large customers had pushed back orders into 2027, and forecast first-quarter "
            "revenue about 8 per cent below analysts' estimates. Its shares fell 14 per cent.",
            ("readmore", "B3"),
            "Losses spread across the sector. Heavyweights such as Nvidia (NASDAQ: NVDA), which "
            "carry a large weighting in the major indices, were among the biggest drags, while "
            "memory makers and smaller designers of AI networking gear also fell.",
            ("advert",),
            ("h2", "Rotation, not retreat?"),
            "Some strategists argued the move reflected profit-taking rather than a change in the "
            "longer-term picture. “Semiconductors have had a phenomenal run, and positioning was "
            "crowded,” said Marcus Lindgren, chief investment officer at Bayview Wealth Partners. "
            "“One cautious guidance call is enough to shake people out.”",
            "Money flowed into defensive sectors. Utilities and healthcare stocks rose, and the "
            "yield on the 10-year Treasury note fell four basis points to 4.11 per cent as "
            "investors sought safety.",
            NL_B,
            "Elsewhere, oil prices edged higher and the dollar weakened slightly against the yen. "
            "Investors are now looking ahead to next week's consumer inflation report, which could "
            "shape expectations for interest rate cuts early next year.",
        ],
    },
    {
        "key": "B3",
        "layout": "B",
        "lang": "en",
        "cat": "tech",
        "path": "/news/eu-regulators-open-probe-into-atlas-clouds-bundling-of-ai-tools-48102.html",
        "title": "EU regulators open probe into Atlas Cloud's bundling of AI tools",
        "authors": ["Elena Rossi"],
        "published": "2025-12-09T10:30:00+00:00",
        "modified": "2025-12-09T10:30:00+00:00",
        "caption": "The Berlaymont building, headquarters of the European Commission, in Brussels.",
        "credit": "Photo: NewsCase/Pieter Claes",
        "related": ["B2", "A8", "B5"],
        "body": [
            "The European Commission has opened a formal antitrust investigation into whether "
            "Atlas Cloud, one of the world's largest cloud computing providers, is unfairly "
            "bundling its artificial intelligence assistants with its office and storage "
            "software.",
            "The probe, announced in Brussels on Tuesday, follows complaints from two European "
            "software companies and a trade association representing smaller cloud providers. "
            "They allege that Atlas Cloud gives business customers its AI tools at no extra "
            "charge only if they commit to multi-year storage contracts, making it hard for "
            "rivals to compete.",
            ("readmore", "A8"),
            "“Cloud and AI markets are converging quickly, and we must make sure that this "
            "convergence does not lock customers into a single provider,” Commission spokesperson "
            "Annika Berg said in a statement.",
            ("advert",),
            ("h2", "Fines of up to 10 per cent"),
            "If the Commission finds that Atlas Cloud breached EU competition rules, it can "
            "impose fines of up to 10 per cent of the company's global annual turnover and order "
            "changes to its business practices. Investigations of this kind typically take more "
            "than a year.",
            "Atlas Cloud (NASDAQ: ATLC) said it would cooperate fully. “Our customers choose our "
            "AI tools because they are useful, and they are free to use other providers' models "
            "on our platform,” a spokesperson said. The company's shares fell 1.2 per cent in New "
            "York.",
            NL_B2,
            ("h2", "Pressure on both sides of the Atlantic"),
            "The case adds to regulatory pressure on big technology groups in Europe, where the "
            "Digital Markets Act already imposes strict rules on so-called gatekeepers. Lawyers "
            "said the Commission appeared to be testing how existing competition law applies to "
            "AI products sold alongside established software.",
            "“This is the first big test of whether AI can be treated as just another feature,” "
            "said Julien Moreau, a competition lawyer at the Brussels firm Moreau Vidal. “If the "
            "Commission wins, every cloud provider will have to rethink how it packages these "
            "tools.”",
        ],
    },
    {
        "key": "B4",
        "layout": "B",
        "lang": "en",
        "cat": "tech",
        "path": "/news/electric-truck-maker-voltrange-cuts-2026-delivery-target-47968.html",
        "title": "Electric truck maker Voltrange cuts 2026 delivery target, shares tumble",
        "authors": ["Marcus Adeyemi"],
        "published": "2025-12-05T18:25:00+00:00",
        "modified": "2025-12-06T08:10:00+00:00",
        "caption": "A Voltrange electric truck at a charging depot outside Phoenix.",
        "credit": "Image: Voltrange handout",
        "related": ["C4", "A5", "B7"],
        "body": [
            "Voltrange, the electric truck maker backed by a group of logistics companies, cut "
            "its delivery target for next year by more than a third on Friday, blaming "
            "slower-than-expected construction of charging depots and tighter credit for fleet "
            "operators. Its shares fell 18 per cent to $7.42, their lowest level since the "
            "company went public in 2021.",
            "The Phoenix-based company now expects to deliver between 5,500 and 6,000 trucks in "
            "2026, down from a previous forecast of 9,000. It also said it would reduce its "
            "workforce by about 650 people, or 12 per cent, to save $85m a year.",
            ("readmore", "C4"),
            "Chief executive Lauren Castillo said demand from customers remained strong but that "
            "many fleets were waiting for chargers before accepting new vehicles. “We have trucks "
            "ready and customers who want them, but you cannot run an electric fleet without "
            "power in the yard,” she said on a call with analysts.",
            ("advert",),
            ("h2", "Cash runway in focus"),
            "Voltrange ended the third quarter with $1.1bn in cash and short-term investments. "
            "Finance chief Noah Feldman said the cost cuts and a new $400m credit facility would "
            "fund operations into 2028 without the need to raise fresh equity, a claim some "
            "analysts greeted with scepticism.",
            "“The guidance cut is big, and the market is now asking whether the demand was ever "
            "as solid as it looked,” said Arjun Mehta, an analyst at Clearwater Capital Markets, "
            "who lowered his price target to $9 from $14.",
            NL_B2,
            ("h2", "A tough year for EV makers"),
            "Electric vehicle makers have struggled this year as subsidies were scaled back and "
            "higher interest rates raised the cost of financing large fleets. Several smaller "
            "truck start-ups have filed for bankruptcy or been taken over.",
            "Voltrange (NASDAQ: VLTR) still counts some of the largest US freight companies as "
            "customers and said it had a backlog of firm orders for about 14,000 vehicles. It "
            "will provide an update on its charging partnerships at an investor event in "
            "February.",
        ],
    },
    {
        "key": "B5",
        "layout": "B",
        "lang": "en",
        "cat": "ai",
        "path": "/news/lumen-health-raises-95m-to-bring-ai-scribes-to-rural-clinics-47911.html",
        "title": "Start-up Lumen Health raises $95m to bring AI scribes to rural clinics",
        "authors": ["Priya Raman"],
        "published": "2025-12-02T06:50:00+00:00",
        "modified": "2025-12-02T06:50:00+00:00",
        "caption": "A doctor reviews an AI-drafted clinical note at a clinic in rural Montana.",
        "credit": "Photo: Lumen Health",
        "related": ["A8", "B3", "A6"],
        "body": [
            "Lumen Health, a San Francisco start-up that uses artificial intelligence to write up "
            "doctors' notes, has raised $95m in a funding round led by Greyfield Partners, as "
            "investors bet that so-called AI scribes can ease staff shortages in rural hospitals "
            "and clinics.",
            "The Series C round values the four-year-old company at $1.2bn, according to two "
            "people familiar with the matter. Existing investors including Northstar Health "
            "Ventures also took part.",
            ("readmore", "A8"),
            "Lumen's software listens to consultations, with the patient's consent, and drafts "
            "clinical notes, referral letters and billing codes that doctors review and sign. The "
            "company says its tools are used by about 9,000 clinicians across 31 US states, many "
            "of them at small hospitals where doctors spend hours each evening on paperwork.",
            ("advert",),
            ("h2", "Time back for patients"),
            "“In a rural clinic, one doctor leaving can mean a whole county loses access to "
            "care,” said chief executive Amara Okoye, a former emergency physician. “If we can "
            "give each clinician an hour back every day, that changes whether they stay.”",
            "Lumen said a study at 14 of its partner clinics found that doctors using the tool "
            "spent 41 per cent less time on documentation. The study was conducted by the "
            "company and has not been peer reviewed.",
            NL_B2,
            ("h2", "Regulators watching"),
            "The rapid spread of AI in medicine has drawn scrutiny from regulators and patient "
            "groups, who worry about errors in automatically generated records and about how "
            "recordings are stored. Lumen said all audio is deleted within 24 hours and that its "
            "models are not trained on patient data without explicit permission.",
            "The company plans to use the new money to expand into nursing homes and to add "
            "support for Spanish-language consultations early next year.",
        ],
    },
    {
        "key": "B6",
        "layout": "B",
        "lang": "en",
        "cat": "markets",
        "path": "/news/bitcoin-miners-pivot-to-ai-hosting-47804.html",
        "title": "Bitcoin miners pivot to AI hosting as squeezed margins bite",
        "authors": ["Tom Becker"],
        "published": "2025-11-28T13:20:00+00:00",
        "modified": "2025-11-28T15:05:00+00:00",
        "caption": "Rows of mining machines at Hashpoint Digital's site in Abilene, Texas.",
        "credit": "Photo: Hashpoint Digital",
        "related": ["B1", "A8", "C6"],
        "body": [
            "Some of the biggest listed bitcoin miners are turning their warehouses full of "
            "computers into data centres for artificial intelligence, as the economics of mining "
            "the cryptocurrency deteriorate and technology companies scramble for power-ready "
            "sites.",
            "Hashpoint Digital (NASDAQ: HSHP) said this week it had signed a 10-year lease worth "
            "$2.6bn with an unnamed AI cloud provider for 200 megawatts of capacity at its site in "
            "Abilene, Texas. Its shares have risen 45 per cent in November.",
            ("readmore", "A8"),
            "Mining profitability has fallen sharply since the 2024 “halving”, a scheduled cut in "
            "the reward for mining new bitcoin, and as competition on the network has "
            "intensified. Miners with access to large electricity connections have realised that "
            "their most valuable asset may be the grid connection rather than the mining machines "
            "themselves.",
            ("advert",),
            ("h2", "Power is the prize"),
            "“It can take five years to get a new large-scale grid connection in parts of the "
            "US,” said Rachel Dunmore, an energy infrastructure analyst at Crestline Partners. "
            "“Miners already have it. That is why AI companies are knocking on their doors.”",
            "The conversion is not cheap. AI data centres need liquid cooling, more resilient "
            "power systems and faster network links than mining facilities. Hashpoint estimates "
            "it will spend about $1.4bn to retrofit the Abilene site, financed largely through "
            "project debt.",
            NL_B,
            ("h2", "Not everyone is convinced"),
            "Some investors worry that miners lack experience in running complex data centres and "
            "could be left with costly buildings if AI demand slows. Others point out that "
            "long-term leases offer far more predictable income than mining, whose revenues rise "
            "and fall with the bitcoin price.",
            "The price of bitcoin has swung widely in recent weeks, which has only added to the "
            "appeal of steady, contracted rent from technology tenants.",
        ],
    },
    {
        "key": "B7",
        "layout": "B",
        "lang": "en",
        "cat": "tech",
        "path": "/news/flickbox-posts-first-annual-profit-47760.html",
        "title": "Flickbox posts first annual profit as ad-supported tier takes off",
        "authors": ["Hannah Cole", "Marcus Adeyemi"],
        "published": "2025-11-25T22:10:00+00:00",
        "modified": "2025-11-26T07:45:00+00:00",
        "caption": "A still from the Flickbox drama series Harbour Lights.",
        "credit": "Image: Flickbox",
        "related": ["B4", "C7", "B1"],
        "body": [
            "Flickbox, the streaming service known for its international dramas, reported its "
            "first annual profit on Tuesday, helped by rapid growth in its cheaper ad-supported "
            "tier and a crackdown on password sharing.",
            "The Los Angeles-based company made a net profit of $212m for the fiscal year ending "
            "in September, compared with a loss of $340m a year earlier. Revenue rose 23 per cent "
            "to $5.9bn. Shares in Flickbox (NYSE: FLBX) climbed 11 per cent in after-hours "
            "trading.",
            ("readmore", "C7"),
            "The ad-supported plan, launched 18 months ago at $6.99 a month, now accounts for 46 "
            "per cent of new sign-ups in markets where it is available. Flickbox said advertising "
            "revenue more than doubled to $780m, although it remains a small part of the business "
            "compared with subscriptions.",
            ("advert",),
            ("h2", "Password sharing crackdown pays off"),
            "The company added 9.4 million subscribers during the year, bringing its total to 118 "
            "million. Chief executive Rafael Ortega said a large share of the new customers came "
            "from viewers who had previously used a friend's or relative's login. “We "
            "underestimated how many people would pay once we asked them nicely,” he said.",
            "Flickbox plans to spend about $4.1bn on content next year, broadly flat, and is "
            "leaning more heavily on lower-cost productions from South Korea, Spain and India, "
            "which have performed well with global audiences.",
            NL_B2,
            ("h2", "Sports rights on the horizon"),
            "Ortega said the company was considering bidding for live sports rights for the first "
            "time, although he ruled out the most expensive American football packages. Analysts "
            "said sports could help the advertising business but would squeeze margins.",
            "“Profitability was the milestone investors wanted,” said Grace Whitmore, a media "
            "analyst at Harborview Securities. “The next question is whether Flickbox can keep "
            "growing without spending like the giants.”",
        ],
    },
]

AUTHOR_BIOS_B = {
    "Priya Raman": "Priya Raman is a technology correspondent based in San Francisco.",
    "Tom Becker": "Tom Becker covers fintech and digital assets from London.",
    "Hannah Cole": "Hannah Cole is a markets reporter in New York.",
    "Marcus Adeyemi": "Marcus Adeyemi writes about transport, autos and media.",
    "Elena Rossi": "Elena Rossi is our Brussels correspondent, covering EU regulation and "
    "competition policy.",
}
