"""Layout C articles (finance portal: div soup, promos, German variant)."""

from __future__ import annotations

NL_C = (
    "newsletter",
    "Sign up for our free newsletter",
    "Get the day's biggest market movers and our top stock ideas every weekday morning.",
    "Sign up free",
)
NL_C2 = (
    "newsletter",
    "Sign up for our free newsletter",
    "Join 250,000 investors who start the day with our Market Minute briefing.",
    "Sign up free",
)
NL_DE = (
    "newsletter",
    "Der Börsen-Newsletter",
    "Die wichtigsten Marktbewegungen jeden Morgen kostenlos in Ihrem Postfach.",
    "Jetzt kostenlos abonnieren",
)

ARTICLES_C = [
    {
        "key": "C1",
        "layout": "C",
        "lang": "en",
        "cat": "markets",
        "path": "/markets/2025/copper-hits-record-as-chilean-mine-outage-tightens-supply",
        "title": "Copper hits record as Chilean mine outage tightens supply",
        "authors": ["Jane Doe"],
        "published": "2025-12-14T16:45:00+00:00",
        "byline": "text",
        "canonical": True,
        "caption": "Copper cathodes stacked at a refinery in Antofagasta, Chile. (Photo: Andes "
        "Cobre)",
        "more": ["C4", "C6", "B2"],
        "body": [
            "Copper prices closed the week at a record high after a flood at one of Chile's "
            "largest mines knocked out production and added to worries about tight supply heading "
            "into 2026. Benchmark three-month copper on the London Metal Exchange ended Friday at "
            "$11,640 a tonne, up 4.8 percent on the week.",
            "The mine, operated by Andes Cobre (NYSE: ACOB), halted operations on Wednesday after "
            "heavy rain flooded parts of its underground workings. The company said it was too "
            "early to say when output would resume, and it withdrew its production guidance for "
            "the fourth quarter.",
            (
                "promo",
                "Free report: The copper squeeze of 2026",
                "Our commodities desk names the three miners best placed to profit from tight "
                "supply. Download the report at no cost.",
                "Click here to get your free copy",
            ),
            "The outage removes roughly 30,000 tonnes of copper a month from a market that "
            "analysts already expected to be in deficit next year. Demand has been boosted by "
            "spending on power grids, electric vehicles and data centers, all of which use large "
            "amounts of the metal.",
            ("continues",),
            "“The market had almost no cushion going into this,” said Tomás Villanueva, head of "
            "metals research at Cordillera Capital in Santiago. “Any disruption now goes straight "
            "into the price.”",
            "Shares of other copper producers rallied. Andes Cobre itself fell 6 percent over the "
            "week, however, as investors weighed lost output against higher prices for the rest "
            "of its mines.",
            ("ask", "Should investors sell immediately? Or is it worth buying Andes Cobre?"),
            NL_C,
            "Chinese buyers, who account for about half of global copper demand, have so far "
            "been reluctant to chase prices higher. Inventories in warehouses monitored by the "
            "Shanghai Futures Exchange have risen in recent weeks, a sign that some manufacturers "
            "are drawing down stocks rather than buying.",
            "Analysts at several banks raised their forecasts for 2026 this week, with some now "
            "expecting copper to average above $12,000 a tonne if the Chilean outage lasts into "
            "the new year.",
            ("plug", "Click here to download our free guide to investing in commodities."),
        ],
    },
    {
        "key": "C2",
        "layout": "C",
        "lang": "de",
        "cat": "markets",
        "path": "/markets/2025/rheinwerk-energie-aktie-springt-nach-prognoseerhoehung",
        "title": "Rheinwerk Energie: Aktie springt nach Prognoseerhöhung um 12 Prozent",
        "authors": ["Lena Hoffmann"],
        "published": "2025-12-13T08:20:00+01:00",
        "byline": "time",
        "canonical": True,
        "caption": "Das Gaskraftwerk von Rheinwerk Energie in Duisburg. (Foto: Rheinwerk Energie)",
        "more": ["C5", "C1", "B1"],
        "body": [
            "Die Aktie der Rheinwerk Energie AG hat am Freitag einen Kurssprung hingelegt. "
            "Nachdem der Essener Versorger seine Gewinnprognose für das laufende Jahr "
            "überraschend angehoben hatte, schloss das Papier im Xetra-Handel mit einem Plus von "
            "12,3 Prozent bei 48,70 Euro. Damit war Rheinwerk mit Abstand der stärkste Wert im "
            "MDAX.",
            "Der Konzern rechnet nun mit einem bereinigten operativen Ergebnis (Ebitda) von 3,15 "
            "bis 3,25 Milliarden Euro. Bisher hatte das Management 2,8 bis 3,0 Milliarden Euro in "
            "Aussicht gestellt. Als Gründe nannte Rheinwerk höhere Erträge im Stromhandel und "
            "eine bessere Auslastung seiner Gaskraftwerke in den windarmen Herbstwochen.",
            (
                "ask",
                "Sollten Anleger sofort verkaufen? Oder lohnt sich doch der Einstieg bei "
                "Rheinwerk Energie?",
            ),
            ("h3", "Analysten heben Kursziele an"),
            "Mehrere Analysten reagierten umgehend. Die Privatbank Hellweg & Söhne erhöhte ihr "
            "Kursziel von 45 auf 55 Euro und bestätigte die Kaufempfehlung. „Die "
            "Prognoseanhebung fällt deutlich kräftiger aus als erwartet, und die Dividende dürfte "
            "entsprechend steigen“, schrieb Analystin Katrin Vogel in einer Studie.",
            ("continues",),
            "Vorstandschef Matthias Brenner kündigte zudem an, die Investitionen in "
            "Batteriespeicher und Netze bis 2028 auf insgesamt 9 Milliarden Euro aufzustocken. "
            "Rheinwerk will damit vom steigenden Strombedarf durch Rechenzentren und Wärmepumpen "
            "profitieren.",
            ("alsoread", "C5"),
            ("h3", "Dividende soll steigen"),
            "Für das Geschäftsjahr 2025 stellt das Unternehmen eine Dividende von mindestens "
            "1,60 Euro je Aktie in Aussicht, nach 1,40 Euro im Vorjahr. Auch ein "
            "Aktienrückkaufprogramm werde geprüft, hieß es aus Unternehmenskreisen.",
            "Nicht alle Marktbeobachter sind euphorisch. „Ein Teil des Gewinns stammt aus dem "
            "Handel und ist damit schwer planbar“, gab Fondsmanager Jörg Albers von der "
            "Fondsgesellschaft Elbtor Invest zu bedenken. Zudem bleibe die politische Diskussion "
            "über die Finanzierung neuer Gaskraftwerke ein Unsicherheitsfaktor.",
            NL_DE,
            "Seit Jahresbeginn hat die Rheinwerk-Aktie nun rund 35 Prozent zugelegt und damit "
            "sowohl den DAX als auch den europäischen Versorgerindex Stoxx Europe 600 Utilities "
            "deutlich hinter sich gelassen.",
            (
                "promo",
                "Rheinwerk Energie Aktie: Kaufen oder verkaufen?! Neue Rheinwerk Energie-Analyse "
                "vom 13. Dezember liefert die Antwort:",
                "Die neusten Rheinwerk Energie-Zahlen sprechen eine klare Sprache: Dringender "
                "Handlungsbedarf für Rheinwerk Energie-Aktionäre. Lohnt sich ein Einstieg oder "
                "sollten Sie lieber verkaufen? In der aktuellen Gratis-Analyse vom 13. Dezember "
                "erfahren Sie was jetzt zu tun ist.",
                "Rheinwerk Energie: Kaufen oder verkaufen? Hier weiterlesen...",
            ),
        ],
    },
    {
        "key": "C3",
        "layout": "C",
        "lang": "en",
        "cat": "markets",
        "path": "/markets/2025/dividend-stocks-three-utilities-raising-payouts",
        "title": "Dividend stocks: three utilities raising payouts into 2026",
        "authors": ["Robert Kline"],
        "published": "2025-12-07T11:00:00+00:00",
        "byline": "text",
        "canonical": False,
        "disclosure": "Disclosure: The author holds no positions in the stocks mentioned.",
        "more": ["C4", "A4", "C6"],
        "body": [
            "Income investors looking for reliable dividend growth in 2026 may find it in an "
            "unglamorous corner of the market. Three mid-sized U.S. utilities have announced "
            "dividend increases of 6 percent or more over the past month, backed by rising "
            "electricity demand and regulators who have approved higher rates.",
            (
                "promo",
                "Special offer: 12 dividend stocks for a lifetime of income",
                "Subscribers get instant access to our income portfolio and monthly payout "
                "calendar.",
                "Click here to claim your free trial",
            ),
            "Great Plains Power (NYSE: GPPW) raised its quarterly dividend by 7 percent to 74 "
            "cents a share, its 19th consecutive annual increase. The Kansas-based company is "
            "spending heavily on new transmission lines to serve data centers in the region and "
            "expects earnings per share to grow 6 to 8 percent a year through 2029.",
            "Tidewater Electric (NYSE: TDEL), which serves customers in Virginia and North "
            "Carolina, lifted its payout by 6.2 percent. Its shares yield about 3.9 percent at "
            "current prices, above the average for utilities in the S&P 500.",
            ("continues",),
            "Cascade Energy Group (NYSE: CEGR) in the Pacific Northwest announced the biggest "
            "raise of the three, 9 percent, after state regulators approved a rate increase that "
            "had been under review for more than a year. Its stock has lagged peers this year "
            "because of concerns about wildfire liability, which management says it has addressed "
            "with new insurance and equipment upgrades.",
            "Utilities have been among the better-performing sectors this year as investors "
            "warmed to their role in supplying power to data centers. But rising bond yields "
            "remain a risk: because utility stocks are often bought for income, they tend to fall "
            "when safer assets such as Treasury bonds offer higher returns.",
            NL_C2,
            "“Dividend growth in this sector is only as good as the regulatory relationship "
            "behind it,” said Ellen Brooks, a utilities analyst at Marlow Street Advisors. “All "
            "three of these companies have earned goodwill with their commissions, which is why "
            "we are comfortable with the payout ratios.”",
            "Investors should also watch balance sheets. All three companies plan to issue new "
            "shares over the next two years to fund their building programs, which could dilute "
            "existing holders even as the dividend per share rises.",
            ("plug", "Click here to see our full list of dividend stocks for 2026."),
        ],
    },
    {
        "key": "C4",
        "layout": "C",
        "lang": "en",
        "cat": "markets",
        "path": "/markets/2025/treasury-yields-climb-as-strong-jobs-data-cools-rate-cut-bets",
        "title": "Treasury yields climb as strong jobs data cools rate-cut bets",
        "authors": ["Jane Doe"],
        "published": "2025-12-03T20:05:00+00:00",
        "byline": "time",
        "canonical": True,
        "more": ["C3", "C8", "B2"],
        "body": [
            "U.S. Treasury yields rose on Wednesday after a report showed private employers added "
            "more jobs than expected in November, prompting traders to scale back bets on how "
            "quickly the Federal Reserve will cut interest rates next year.",
            "The yield on the benchmark 10-year Treasury note climbed seven basis points to 4.19 "
            "percent, while the two-year yield, which is more sensitive to expectations for Fed "
            "policy, rose nine basis points to 3.61 percent.",
            (
                "promo",
                "Rates are moving. Is your portfolio ready?",
                "Our bond strategist explains the four trades he is making before the next Fed "
                "meeting, in a free video briefing.",
                "Click here to watch the briefing",
            ),
            "A widely watched private payrolls survey showed businesses added 168,000 jobs last "
            "month, well above the roughly 110,000 economists had forecast. Wage growth also held "
            "firm, with pay for workers who stayed in their jobs rising 4.4 percent from a year "
            "earlier.",
            ("continues",),
            "“The labor market is cooling, but it is cooling slowly, and that gives the Fed room "
            "to be patient,” said Daniel Reyes, chief economist at Summit Ridge Advisors. He said "
            "he now expected only two quarter-point rate cuts in 2026, down from three.",
            "Futures markets showed traders pricing in a roughly 55 percent chance of a cut at "
            "the Fed's meeting in March, down from about 70 percent a day earlier.",
            NL_C,
            "The move in yields weighed on rate-sensitive parts of the stock market. Homebuilders "
            "and regional banks fell, and the S&P 500 ended 0.4 percent lower. The dollar rose "
            "against most major currencies, and gold, which tends to struggle when yields climb, "
            "slipped 0.6 percent.",
            "Investors will get a fuller picture of the jobs market on Friday, when the Labor "
            "Department publishes its official monthly employment report. Economists expect it to "
            "show that nonfarm payrolls grew by about 125,000 in November.",
            ("plug", "Click here to get breaking market alerts on your phone."),
        ],
    },
    {
        "key": "C5",
        "layout": "C",
        "lang": "de",
        "cat": "tech",
        "path": "/markets/2025/nordlicht-se-senkt-umsatzziel",
        "title": "Techwerte unter Druck: Softwarehaus Nordlicht SE senkt Umsatzziel",
        "authors": ["Felix Braun"],
        "published": "2025-11-29T09:15:00+01:00",
        "byline": "time",
        "canonical": True,
        "disclosure": "Hinweis: Der Autor hält keine Positionen in den genannten Wertpapieren.",
        "more": ["C2", "A8", "B3"],
        "body": [
            "Die Aktie der Nordlicht SE ist am Freitag regelrecht eingebrochen. Der Hamburger "
            "Anbieter von Software für Logistik und Lagerverwaltung hatte am Vorabend seine "
            "Umsatzprognose für das Gesamtjahr gesenkt. Das Papier verlor im Xetra-Handel "
            "zeitweise mehr als 21 Prozent und ging schließlich mit einem Abschlag von 17,6 "
            "Prozent bei 62,15 Euro aus dem Handel.",
            "Nordlicht erwartet für 2025 nur noch einen Umsatz von 1,18 bis 1,22 Milliarden Euro. "
            "Zuvor hatte der Konzern 1,30 Milliarden Euro angepeilt. Vorstandschefin Annika "
            "Sörensen begründete die Senkung mit Verzögerungen bei mehreren Großprojekten in den "
            "USA und einer spürbaren Zurückhaltung mittelständischer Kunden in Deutschland.",
            (
                "ask",
                "Sollten Anleger jetzt verkaufen? Oder lohnt sich doch der Einstieg bei "
                "Nordlicht?",
            ),
            ("h3", "Cloud-Geschäft wächst weiter"),
            "Lichtblicke gibt es dennoch. Das Cloud-Geschäft, in dem Kunden die Software im "
            "Abonnement beziehen, wuchs in den ersten neun Monaten um 29 Prozent. Dessen Anteil "
            "am Gesamtumsatz liegt inzwischen bei 44 Prozent. „Die Nachfrage nach unseren "
            "KI-gestützten Planungsfunktionen ist ungebrochen“, sagte Sörensen in einer "
            "Telefonkonferenz mit Analysten.",
            ("continues",),
            "Die operative Marge soll trotz des schwächeren Umsatzes bei rund 24 Prozent liegen, "
            "weil Nordlicht Neueinstellungen gestoppt und Marketingausgaben gekürzt hat.",
            (
                "promo",
                "Nordlicht Aktie: Kaufen oder verkaufen?! Neue Nordlicht-Analyse vom 29. November "
                "liefert die Antwort:",
                "Die neusten Nordlicht-Zahlen sprechen eine klare Sprache: Dringender "
                "Handlungsbedarf für Nordlicht-Aktionäre. Lohnt sich ein Einstieg oder sollten Sie "
                "lieber verkaufen? In der aktuellen Gratis-Analyse vom 29. November erfahren Sie "
                "was jetzt zu tun ist.",
                "Nordlicht: Kaufen oder verkaufen? Hier weiterlesen...",
            ),
            ("h3", "Vertrauen beschädigt"),
            "An der Börse kam die Nachricht dennoch schlecht an, zumal das Management die "
            "Prognose erst im Oktober bestätigt hatte. „Das Vertrauen in die Planbarkeit ist "
            "beschädigt“, urteilte Analyst Tobias Kern von der Nordsee Bank, der seine Einstufung "
            "von „Kaufen“ auf „Halten“ senkte. Das Kursziel reduzierte er von 92 auf 70 Euro.",
            "Die Schwäche von Nordlicht belastete auch andere deutsche Softwarewerte. Der TecDAX "
            "gab um 1,4 Prozent nach, während der DAX nahezu unverändert schloss.",
            NL_DE,
            "Seit dem Rekordhoch im Juli hat die Nordlicht-Aktie damit fast 40 Prozent an Wert "
            "eingebüßt. Ihre Zahlen für das vierte Quartal will das Unternehmen Ende Februar "
            "vorlegen.",
        ],
    },
    {
        "key": "C6",
        "layout": "C",
        "lang": "en",
        "cat": "markets",
        "path": "/markets/2025/gold-miners-rally-as-bullion-climbs-to-fresh-high",
        "title": "Gold miners rally as bullion climbs to fresh high",
        "authors": ["Aisha Patel"],
        "published": "2025-11-26T15:35:00+00:00",
        "byline": "meta",
        "canonical": True,
        "caption": "Gold bars at a refinery vault. (Photo: NewsCase/Lukas Meier)",
        "more": ["C1", "C7", "B6"],
        "body": [
            "Shares of gold mining companies surged on Wednesday as the price of bullion climbed "
            "to a fresh record, lifted by a weaker dollar and continued buying by central banks. "
            "Ridgeback Gold (NYSE: RDGB), the Nevada-based producer, rose 8.3 percent, its biggest "
            "one-day gain in more than a year.",
            "Spot gold rose 1.9 percent during the session, extending a rally that has made it "
            "one of the best-performing major assets of the year. An index of gold mining stocks "
            "gained 4.7 percent, outpacing the metal itself, as is typical when prices rise, "
            "because miners' profits grow faster than the price of what they sell.",
            (
                "promo",
                "Gold at record highs: The one miner our analysts rate a strong buy",
                "Find out which producer tops our list, and why its shares could still double. "
                "Free for new members.",
                "Click here to reveal the name",
            ),
            "Ridgeback said on Tuesday evening that its all-in sustaining costs, an industry "
            "measure of what it costs to keep mines running, would come in at about $1,380 an "
            "ounce this year, below its earlier guidance. That leaves the company with one of the "
            "widest profit margins in the sector.",
            ("continues",),
            "“At these prices, well-run miners are printing money,” said Gareth Holloway, a "
            "natural resources fund manager at Tamarind Asset Management. “The question is "
            "whether they will return it to shareholders or spend it on expensive acquisitions, "
            "as they did in the last cycle.”",
            "Ridgeback's chief executive, Colleen Murphy, said the company would prioritize "
            "dividends and share buybacks over deals. It plans to announce a new capital return "
            "policy alongside its annual results in February.",
            NL_C2,
            "Central banks have been buying gold at a rapid pace as they diversify reserves away "
            "from the dollar, while investors in Asia and Europe have added to holdings in "
            "exchange-traded funds. Some analysts warn that the rally has become stretched after "
            "such strong gains, leaving prices vulnerable to a pullback if the dollar recovers.",
            "Silver and platinum also rose on Wednesday, while copper was little changed.",
            ("plug", "Click here to compare the best precious metals ETFs."),
        ],
    },
    {
        "key": "C7",
        "layout": "C",
        "lang": "en",
        "cat": "markets",
        "path": "/markets/2025/ipo-watch-quillpay-prices-above-range",
        "title": "IPO watch: Quillpay prices above range and opens 31% higher",
        "authors": ["Robert Kline"],
        "published": "2025-11-21T19:40:00+00:00",
        "byline": "time",
        "canonical": True,
        "disclosure": "Disclosure: The author holds no positions in the stocks mentioned.",
        "more": ["C6", "B1", "C8"],
        "body": [
            "Shares of Quillpay, the payroll and expense management software company, jumped 31 "
            "percent in their trading debut on Friday after the company priced its initial public "
            "offering above the expected range, in a fresh sign that the market for new listings "
            "is thawing.",
            "Quillpay sold 24 million shares at $27 each, above the marketed range of $23 to $25, "
            "raising $648 million. The stock opened at $35.40 on the New York Stock Exchange under "
            "the ticker QPAY and closed at $34.10, giving the company a market value of about "
            "$9.3 billion.",
            (
                "promo",
                "IPO Insider: Get access to the next hot listing before it prices",
                "Members receive our analysts' verdict on every major IPO, plus alerts on the day "
                "of pricing.",
                "Click here to join IPO Insider",
            ),
            "The San Diego-based company, founded in 2016, sells software that lets small and "
            "medium-sized businesses run payroll, issue corporate cards and track employee "
            "expenses in one place. Revenue grew 38 percent to $412 million in the 12 months to "
            "September, and the company reported a small operating profit in its two most recent "
            "quarters.",
            ("continues",),
            "“Investors want growth with a path to profits, and Quillpay checks both boxes,” said "
            "Natalie Brenner, an IPO analyst at Lakeshore Research. “The pricing shows there is "
            "real demand for quality software names.”",
            "Chief executive Samuel Osei said the company would use the proceeds to expand into "
            "Canada and the United Kingdom and to develop AI tools that automatically categorize "
            "receipts and flag unusual spending.",
            NL_C,
            "The listing is one of the biggest technology IPOs of the year and follows several "
            "other successful debuts in recent months. Bankers say a busy pipeline of companies, "
            "including fintech and cybersecurity groups, is preparing to go public in the first "
            "half of 2026 if market conditions hold.",
            "Early investors in Quillpay include the venture firms Westbridge Capital and Orion "
            "Gate Partners, which together own about 38 percent of the company after the "
            "offering.",
            ("plug", "Click here to get our IPO calendar delivered every Monday."),
        ],
    },
    {
        "key": "C8",
        "layout": "C",
        "lang": "en",
        "cat": "markets",
        "path": "/markets/2025/small-caps-lag-as-russell-2000-snaps-winning-streak",
        "title": "Small caps lag as Russell 2000 snaps four-week winning streak",
        "authors": ["Aisha Patel"],
        "published": "2025-11-19T21:30:00+00:00",
        "byline": "text",
        "canonical": False,
        "more": ["C7", "C4", "C3"],
        "body": [
            "Small-cap stocks fell on Wednesday, with the Russell 2000 index dropping 1.8 percent "
            "and putting it on course to end a four-week winning streak, as investors grew more "
            "cautious about the outlook for smaller companies that depend heavily on borrowing.",
            "Large-cap indices held up better. The S&P 500 slipped 0.3 percent and the Dow Jones "
            "Industrial Average was nearly unchanged, while the Nasdaq Composite edged down 0.2 "
            "percent.",
            (
                "promo",
                "Small caps, big potential? See the 5 stocks on our watchlist",
                "Our small-cap team has identified five under-the-radar companies with strong "
                "balance sheets. Get the list free.",
                "Click here to see the watchlist",
            ),
            "Small caps had rallied strongly in October and early November on hopes that lower "
            "interest rates would ease financing costs for companies with floating-rate debt. "
            "Some of that optimism faded this week as traders pushed back their expectations for "
            "the timing of the next rate cut.",
            ("continues",),
            "“Small caps are a leveraged bet on rate cuts,” said Victor Ames, head of equity "
            "strategy at Brookhollow Investments. “When the market pushes those cuts further out, "
            "this is the part of the market that feels it first.”",
            "Regional banks, which make up a large share of the Russell 2000, were among the "
            "biggest decliners, along with biotech companies and small industrial firms. "
            "Exchange-traded funds tracking small caps saw outflows of about $1.2 billion over the "
            "past three sessions, according to fund-flow data.",
            NL_C,
            "Some strategists see the pullback as an opportunity. Small-cap valuations remain "
            "well below those of large technology companies, and earnings for smaller firms are "
            "expected to recover next year as borrowing costs stabilize. Several fund managers said "
            "they had used the dip to add to positions in profitable small industrial companies.",
            "Still, the group has repeatedly disappointed investors hoping for a sustained "
            "catch-up rally. Over the past five years, the Russell 2000 has trailed the S&P 500 "
            "by a wide margin.",
            ("plug", "Click here to get our small-cap report in your inbox."),
        ],
    },
]
