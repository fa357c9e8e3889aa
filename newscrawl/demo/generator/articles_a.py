"""Layout A articles (WordPress / tagDiv Newspaper-style theme)."""

from __future__ import annotations

SEED_BIO = (
    "Brett Shapiro is a co-owner of GovDocFiling. He had an entrepreneurial spirit since he was "
    "young. He started GovDocFiling, a simple resource center that takes care of the mundane, yet "
    "critical, formation documentation for any new business entity."
)

ARTICLES_A = [
    {
        "key": "seed",
        "layout": "A",
        "lang": "en",
        "cat": "ai",
        "path": "/2025/12/16/alibabas-ai-breakthrough-contrasts-with-stock-market-pressures/",
        "title": "Alibaba's AI Breakthrough Contrasts with Stock Market Pressures",
        "title_h2": "Alibaba’s AI Breakthrough Contrasts with Stock Market Pressures",
        "authors": ["Brett Shapiro"],
        "published": "2025-12-16T09:12:00+00:00",
        "seed": True,
        "must_read": ["A2", "A8", "B5"],
        "body": [
            "Alibaba Group Holding Ltd. shares faced significant selling pressure in Hong Kong on "
            "Monday, declining 3.57 percent to close at HKD 148.60. This market movement occurred "
            "against a paradoxical backdrop: the Chinese technology giant is simultaneously "
            "achieving a landmark victory in the global artificial intelligence race. Recent data "
            "confirms that Alibaba’s open-source AI model, Qwen, has now surpassed Meta’s Llama "
            "series to become the world’s most utilized AI model.",
            ("h3", "Macroeconomic Headwinds Dampen Sentiment"),
            "The stock’s decline is closely tied to broader economic concerns emanating from "
            "China. Disappointing retail sales and industrial production figures released "
            "recently weighed heavily on Asian market sentiment. The Hang Seng Index fell 1.3 "
            "percent, with Alibaba’s shares underperforming the broader market decline. In U.S. "
            "trading, the company’s stock was last quoted at approximately $155.68.",
            "For now, these macroeconomic worries regarding China’s growth trajectory are "
            "overshadowing the company’s fundamental business progress, at least in the near "
            "term.",
            ("h3", "Strategic Adoption by Global Tech Leaders"),
            "The significance of Alibaba’s AI advancement is underscored by its adoption within "
            "major Western technology firms. Brian Chesky, the CEO of Airbnb, has publicly "
            "confirmed his company’s substantial reliance on Qwen. He characterized the models as "
            "“fast, cost-effective, and robust enough for production use.” While Airbnb employs a "
            "total of 13 different AI models, Qwen is reported to play a central role.",
            "In a notable endorsement from a direct competitor, Meta Platforms itself is "
            "reportedly utilizing Alibaba’s Qwen technology to train its own AI models.",
            ("ask", "Should investors sell immediately? Or is it worth buying Alibaba?"),
            ("h3", "Qwen’s Meteoric Rise in Usage"),
            "The operational metrics for the AI business are striking. The Qwen-3 model has been "
            "downloaded more than 600 million times, officially displacing Meta’s Llama models as "
            "the leading open-source AI platform globally. It has become the preferred choice for "
            "fine-tuning tasks, which involve adapting base AI models for specific, specialized "
            "applications.",
            "The associated Qwen application reached 30 million monthly active users by early "
            "December. This figure represents a monthly growth rate of 149 percent.",
            ("h3", "Massive Capital Commitment to AI Infrastructure"),
            "To solidify its lead, Alibaba is making colossal investments. The conglomerate plans "
            "to channel roughly $53 billion into AI infrastructure over the next three years. "
            "These funds are intended to support the triple-digit revenue growth within its AI "
            "segment, a trend the company has maintained for nine consecutive quarters.",
            "Concurrently, Alibaba has launched updated versions of its “Bai Ling” language "
            "models. These models possess the capability to switch between nine languages and 18 "
            "dialects in just three seconds, representing another component in the firm’s "
            "expanding AI ecosystem.",
            ("h3", "Weighing Divergent Narratives"),
            "Investors are currently tasked with balancing two competing stories. On one side, "
            "immediate-term stock performance is being pressured by economic softness in China. "
            "On the other, Alibaba’s rapid ascent as a global AI leader presents substantial "
            "long-term potential. The company’s upcoming quarterly earnings report on January 15 "
            "is anticipated to provide clearer insight into how these significant AI investments "
            "are already translating into financial performance.",
            (
                "ad",
                "Alibaba Stock: Buy or Sell?! New Alibaba Analysis from January 30 delivers the "
                "answer:",
                "The latest Alibaba figures speak for themselves: Urgent action needed for Alibaba "
                "investors. Is it worth buying or should you sell? Find out what to do now in the "
                "current free analysis from January 30.",
                "Alibaba: Buy or sell? Read more here...",
                "h2",
            ),
        ],
    },
    {
        "key": "A2",
        "layout": "A",
        "lang": "en",
        "cat": "ai",
        "path": "/2025/12/15/qubitra-systems-raises-410-million-to-scale-error-corrected-quantum-chips/",
        "title": "Qubitra Systems Raises $410 Million to Scale Error-Corrected Quantum Chips",
        "authors": ["Maya Lindqvist"],
        "published": "2025-12-15T14:30:00+00:00",
        "caption": "Qubitra's Aurora-2 processor mounted inside a dilution refrigerator in "
        "Boulder. Photo: Qubitra Systems",
        "body": [
            "Qubitra Systems (NASDAQ: QBTR) said on Monday it had raised $410 million in a "
            "follow-on share offering, giving the Boulder, Colorado-based quantum computing "
            "company the cash it says it needs to reach a commercially useful error-corrected "
            "machine by 2028. The shares were priced at $18.25, a discount of about 6 percent to "
            "Friday's close, and slipped 4.1 percent in early trading as investors digested the "
            "dilution.",
            ("h3", "A Crowded Race for Logical Qubits"),
            "The raise comes as the industry shifts its attention from the raw number of physical "
            "qubits to so-called logical qubits, groups of physical qubits that work together to "
            "detect and correct errors. Qubitra's chief executive, Helena Marsh, told analysts on "
            "a call that the company had demonstrated 24 logical qubits on its Aurora-2 processor "
            "in November, with error rates roughly ten times lower than on its previous "
            "generation.",
            "“Everyone can build a noisy machine now,” Marsh said. “The question for 2026 is who "
            "can keep a calculation alive long enough to do something a classical supercomputer "
            "cannot.”",
            ("ask", "Should investors sell immediately? Or is it worth buying Qubitra Systems?"),
            ("h3", "Where the Money Goes"),
            "According to the offering documents, roughly half of the proceeds will fund a new "
            "fabrication line in Boulder, while the rest is earmarked for cryogenic hardware, "
            "hiring and a partnership program with pharmaceutical and materials companies. "
            "Qubitra ended the third quarter with $262 million in cash and reported a net loss of "
            "$48 million for the period on revenue of just $9.6 million, most of it from "
            "government research contracts.",
            "Analysts at Pinecrest Securities kept their buy rating and a $27 price target, "
            "arguing that the fresh capital removes a key overhang. Others were more cautious. "
            "“The technology is moving faster than anyone expected two years ago, but revenue is "
            "still a rounding error,” said Omar Siddiqui, a portfolio manager at Harbor Lane "
            "Capital, which does not own the stock.",
            "Quantum computing shares have been among the most volatile corners of the Nasdaq "
            "this year, swinging sharply on every research announcement from larger rivals. "
            "Qubitra's stock has still more than doubled since January, far outpacing the broader "
            "S&P 500.",
            (
                "ad",
                "Qubitra Stock: Buy or Sell?! New Qubitra Analysis from December 15 delivers the "
                "answer:",
                "The latest Qubitra figures speak for themselves: Urgent action needed for Qubitra "
                "investors. Is it worth buying or should you sell? Find out what to do now in the "
                "current free analysis from December 15.",
                "Qubitra: Buy or sell? Read more here...",
                "p",
            ),
        ],
    },
    {
        "key": "A3",
        "layout": "A",
        "lang": "en",
        "cat": "tech",
        "path": "/2025/12/12/halvorsen-semiconductor-shares-jump-9-on-data-center-chip-orders/",
        "title": "Halvorsen Semiconductor Shares Jump 9% on Data-Center Chip Orders",
        "authors": ["Daniel Okafor"],
        "published": "2025-12-12T13:40:00+00:00",
        "amp": "/amp/2025/12/12/halvorsen-semiconductor-shares-jump-9-on-data-center-chip-orders/",
        "caption": "A Halvorsen networking processor on a test board at the company's Austin "
        "lab. Photo: NewsCase/Jonas Weber",
        "body": [
            "Shares of Halvorsen Semiconductor (NASDAQ: HLVS) jumped 9.2 percent on Friday after "
            "the Austin-based chip designer said it had received more than $1.8 billion in new "
            "orders for its networking processors from three large cloud operators, lifting its "
            "backlog to a record and easing fears that spending on artificial intelligence data "
            "centers is about to cool.",
            "The company raised its revenue forecast for the fiscal year ending in March to "
            "between $6.4 billion and $6.6 billion, up from a previous range of $5.9 billion to "
            "$6.2 billion. Analysts had on average expected $6.1 billion.",
            ("h3", "Networking Becomes the Bottleneck"),
            "Halvorsen does not compete head-on with Nvidia (NASDAQ: NVDA) in the accelerators "
            "that train large AI models. Instead it sells the switching and interconnect chips "
            "that move data between thousands of those accelerators, a part of the data center "
            "that chief executive Ingrid Halvorsen calls “the plumbing nobody thought about until "
            "it clogged.”",
            "“Our customers are building clusters with 100,000 chips and more,” Halvorsen said in "
            "a statement. “At that scale, the network decides how much of the compute you "
            "actually get to use.”",
            (
                "ad",
                "Halvorsen Stock: Buy or Sell?! Fresh Halvorsen Analysis from December 12 "
                "delivers the answer:",
                "The newest Halvorsen numbers send a clear signal: Halvorsen shareholders need to "
                "act now. Buy more or take profits? Our free analysis from December 12 explains "
                "what to do.",
                "Halvorsen: Buy or sell? Read more here...",
                "p",
            ),
            ("h3", "Margins Under the Microscope"),
            "Gross margin came in at 61.8 percent in the quarter, down from 63.1 percent a year "
            "earlier, as the company absorbed higher packaging costs at its contract "
            "manufacturers in Taiwan. Finance chief Raj Menon said margins should recover in the "
            "second half of 2026 once a new generation of products moves to volume production.",
            "The rally added roughly $7 billion to Halvorsen's market value and helped chip "
            "stocks recover some of the losses they suffered earlier in the week. Still, some "
            "investors questioned how long the ordering spree can last. “Backlog is great until "
            "customers start digesting what they bought,” said Caroline Mbeki, a technology "
            "analyst at Eastgate Research. “We have seen this movie in every chip cycle.”",
            "Halvorsen will hold an investor day in New York on January 22, where it is expected "
            "to provide its first financial targets for 2027.",
        ],
    },
    {
        "key": "A4",
        "layout": "A",
        "lang": "en",
        "cat": "markets",
        "path": "/2025/12/10/northwind-bank-beats-estimates-as-trading-revenue-surges-28/",
        "title": "Northwind Bank Beats Estimates as Trading Revenue Surges 28%",
        "authors": ["Brett Shapiro"],
        "published": "2025-12-10T12:00:00+00:00",
        "caption": "Northwind Bank's head office on Bay Street in Toronto. Photo: NewsCase/Claire "
        "Dubois",
        "body": [
            "Northwind Bank (TSX: NWB) reported fourth-quarter earnings that comfortably beat "
            "analyst expectations on Wednesday, as a 28 percent jump in trading revenue and "
            "lower-than-feared loan losses offset a squeeze on its lending margins. The "
            "Toronto-based lender earned C$2.31 per share on an adjusted basis in the three months "
            "to October 31, compared with a consensus estimate of C$2.07.",
            "Shares rose 3.4 percent to C$96.80 in morning trading in Toronto, the biggest gain "
            "among large Canadian banks, and helped lift the S&P/TSX Composite Index.",
            ("h3", "Capital Markets Carry the Quarter"),
            "Volatile bond and currency markets in the autumn proved a windfall for the bank's "
            "capital markets division, which posted record revenue of C$1.9 billion. Chief "
            "executive Martin Leclerc said clients had been repositioning portfolios ahead of "
            "expected interest rate cuts and that activity had remained “unusually strong” into "
            "December.",
            "Provisions for credit losses came in at C$612 million, below the C$700 million "
            "analysts had pencilled in. The bank said delinquencies in its Canadian mortgage book "
            "had stabilised, although it added to reserves for commercial real estate loans in "
            "the United States.",
            ("ask", "Should investors sell immediately? Or is it worth buying Northwind Bank?"),
            ("h3", "Dividend Raised, Buyback Extended"),
            "Northwind raised its quarterly dividend by 4 cents to C$1.10 a share and said it "
            "would extend its share buyback program by another 20 million shares. Its common "
            "equity tier 1 ratio, a key measure of financial strength, stood at 13.2 percent, "
            "well above regulatory requirements.",
            "Not everything was rosy. Net interest margin in the domestic retail bank slipped to "
            "2.41 percent from 2.47 percent in the prior quarter as deposit competition "
            "intensified. Leclerc told analysts that he expected margins to stay under pressure "
            "through the first half of next year.",
            "“It is a high-quality beat, but it leans heavily on trading, which is the least "
            "predictable line in the income statement,” said Julie Tremblay, a bank analyst at "
            "Laurentian Peak Securities. She kept her hold rating on the stock.",
            (
                "ad",
                "Northwind Bank Stock: Buy or Sell?! New Northwind Bank Analysis from December 10 "
                "delivers the answer:",
                "The latest Northwind Bank figures speak for themselves: Urgent action needed for "
                "Northwind Bank investors. Is it worth buying or should you sell? Find out what to "
                "do now in the current free analysis from December 10.",
                "Northwind Bank: Buy or sell? Read more here...",
                "p",
            ),
        ],
    },
    {
        "key": "A5",
        "layout": "A",
        "lang": "en",
        "cat": "tech",
        "path": "/2025/12/08/solaris-grid-wins-2-1-billion-battery-storage-contract-in-texas/",
        "title": "Solaris Grid Wins $2.1 Billion Battery Storage Contract in Texas",
        "authors": ["Sofia Marquez"],
        "published": "2025-12-08T15:10:00+00:00",
        "caption": "Battery containers at a Solaris Grid storage site near Odessa, Texas. "
        "Photo: Solaris Grid",
        "body": [
            "Solaris Grid (NYSE: SLGD) has won a $2.1 billion contract to build and operate four "
            "large battery storage sites in West Texas, the company said on Monday, in one of the "
            "biggest single storage awards yet in the state's independent power market. The "
            "shares rose 6.7 percent to $41.15 by midday in New York.",
            "The projects, with a combined capacity of 1.6 gigawatts and 6.4 gigawatt-hours, are "
            "being developed for Lone Star Transmission Partners, a utility joint venture, and "
            "are due to come online in stages between late 2026 and 2028.",
            ("h3", "Storage Demand Follows Data Centers"),
            "Texas has become the fastest-growing battery market in the United States as solar "
            "farms flood the grid with cheap power at midday and demand from new data centers "
            "stretches supply in the evening. Batteries charge when prices are low and discharge "
            "when they spike, smoothing out the swings.",
            "“Two years ago our customers asked for two-hour systems. Now almost every request is "
            "for four hours or more,” Solaris chief executive Andre Whitfield said in an "
            "interview. He said the company's order backlog had grown to $7.8 billion, up from "
            "$5.2 billion at the start of the year.",
            ("ask", "Should investors sell now? Or is it worth buying Solaris Grid?"),
            ("h3", "Tariffs Remain a Wild Card"),
            "The company sources most of its battery cells from suppliers in South Korea and is "
            "building a cell assembly plant in Arizona to reduce its exposure to import tariffs. "
            "Whitfield said the Texas contract includes price adjustment clauses that protect "
            "Solaris if duties on imported cells rise further.",
            "Analysts welcomed the award but noted that storage margins have been thin across "
            "the industry. Solaris reported a gross margin of 14.5 percent in its most recent "
            "quarter. “The growth story is intact; the question is how much of it reaches the "
            "bottom line,” said Kevin Braddock, an energy analyst at Redwood Hill Partners.",
            "Solaris shares have gained about 38 percent this year, outperforming the broader "
            "clean energy sector, which has been weighed down by higher interest rates and policy "
            "uncertainty in Washington.",
            (
                "ad",
                "Solaris Grid Stock: Buy or Sell?! New Solaris Grid Analysis from December 8 "
                "delivers the answer:",
                "The latest Solaris Grid figures speak for themselves: Urgent action needed for "
                "Solaris Grid investors. Is it worth buying or should you sell? Find out what to "
                "do now in the current free analysis from December 8.",
                "Solaris Grid: Buy or sell? Read more here...",
                "p",
            ),
        ],
    },
    {
        "key": "A6",
        "layout": "A",
        "lang": "en",
        "cat": "ai",
        "path": "/2025/12/04/kestrel-robotics-unveils-warehouse-humanoid-but-stock-slides-on-pricing-doubts/",
        "title": "Kestrel Robotics Unveils Warehouse Humanoid, but Stock Slides on Pricing Doubts",
        "authors": ["Maya Lindqvist"],
        "published": "2025-12-04T09:45:00+00:00",
        "caption": "Kestrel's Tern robot unloads a pallet during the launch event in Pittsburgh. "
        "Photo: Kestrel Robotics",
        "body": [
            "Kestrel Robotics (NASDAQ: KSTR) unveiled its first humanoid robot for warehouses at "
            "an event in Pittsburgh on Thursday, but investors were unimpressed by the price tag "
            "and the slow rollout schedule, sending the shares down 7.8 percent to $63.40.",
            "The robot, named Tern, stands 1.7 meters tall, can lift boxes of up to 25 kilograms "
            "and runs for about five hours on a single charge, according to the company. Kestrel "
            "said it would lease the machines to logistics companies for $4,900 per robot per "
            "month, with the first units shipping to pilot customers in the second half of 2026.",
            ("h3", "An AI Brain Trained in Simulation"),
            "Chief technology officer Wei Zhang said Tern relies on a so-called "
            "vision-language-action model trained largely in simulated warehouses, which lets it "
            "handle packages it has never seen before. During the demonstration, the robot "
            "unloaded a mixed pallet of boxes and sorted them onto conveyor belts, pausing "
            "occasionally to re-grip items.",
            "“The hardware is the easy part now,” Zhang said. “What took us three years was "
            "teaching the robot to recover when something goes wrong, a box that is heavier than "
            "it looks or a label that is upside down.”",
            ("h3", "Customers Want Proof of Payback"),
            "Analysts said the monthly lease fee would make Tern more expensive than a human "
            "worker on a single shift in most U.S. states, meaning customers would need to run "
            "the robots around the clock to justify the cost. “The demo was impressive, but "
            "logistics managers buy spreadsheets, not videos,” said Priscilla Huang, a robotics "
            "analyst at Northgate Equity Research.",
            (
                "ad",
                "Kestrel Robotics Stock: Buy or Sell?! New Kestrel Robotics Analysis from "
                "December 4 delivers the answer:",
                "The latest Kestrel Robotics figures speak for themselves: Kestrel investors should "
                "act now. Is it worth buying or should you sell? The current free analysis from "
                "December 4 tells you what to do.",
                "Kestrel Robotics: Buy or sell? Read more here...",
                "p",
            ),
            "Kestrel, which makes most of its revenue from autonomous forklifts, said it had "
            "signed letters of intent with three retailers and a parcel carrier but declined to "
            "name them. The company expects revenue of about $880 million this year and has "
            "guided for a narrower operating loss in 2026.",
            ("ask", "Should investors sell immediately? Or is it worth buying Kestrel Robotics?"),
            "Humanoid robot makers have attracted heavy investment in recent months, with several "
            "private start-ups raising money at multibillion-dollar valuations. Kestrel's shares "
            "had nearly tripled this year before Thursday's drop, leaving them vulnerable to any "
            "disappointment.",
        ],
    },
    {
        "key": "A7",
        "layout": "A",
        "lang": "en",
        "cat": "markets",
        "path": "/2025/11/29/black-friday-online-sales-hit-record-11-8-billion-as-buy-now-pay-later-use-climbs/",
        "title": "Black Friday Online Sales Hit Record $11.8 Billion as Buy-Now-Pay-Later Use Climbs",
        "authors": ["Brett Shapiro"],
        "published": "2025-11-29T17:00:00+00:00",
        "caption": "Shoppers at a mall in Columbus, Ohio, on Black Friday. Photo: NewsCase/Ana "
        "Ruiz",
        "body": [
            "U.S. shoppers spent a record $11.8 billion online on Black Friday, up 9.1 percent "
            "from a year earlier, according to data released on Saturday by CartMetric, a "
            "research firm that tracks transactions at more than 1,000 retail websites. Mobile "
            "devices accounted for 57 percent of online purchases, another record.",
            "The figures suggest consumers remain willing to spend despite stubborn prices for "
            "groceries and housing, although analysts cautioned that heavy discounting may have "
            "pulled some holiday purchases forward.",
            ("h3", "Pay Later, Pay More?"),
            "Use of buy-now-pay-later services jumped 14 percent compared with last year, with "
            "the strongest growth in electronics, toys and apparel. CartMetric analyst Dana "
            "Whitaker said the trend reflected both aggressive promotion by retailers at checkout "
            "and tighter household budgets. “Shoppers are spreading payments on purchases as "
            "small as $60,” she said.",
            "Shares of installment lenders have rallied this month on expectations of strong "
            "holiday volume. Cadence Credit (NASDAQ: CDNC) has gained 22 percent in November, "
            "well ahead of the S&P 500.",
            ("ask", "Should investors sell immediately? Or is it worth buying Cadence Credit?"),
            ("h3", "Stores Hold Their Ground"),
            "Foot traffic at physical stores fell 2.3 percent compared with Black Friday last "
            "year, according to a separate estimate from the footfall tracker StoreCount. But "
            "several mall operators reported busier crowds than expected in the afternoon, helped "
            "by mild weather across much of the country.",
            "Retailers that invested in same-day pickup appear to have benefited most. Outfitter "
            "chain Ridgeline Supply said orders placed online and collected in stores rose 31 "
            "percent, and department store group Halloway & Finch said its top sellers were "
            "cold-weather apparel and small kitchen appliances.",
            "Attention now turns to Cyber Monday, which CartMetric expects to generate between "
            "$14.2 billion and $14.6 billion in online sales, which would make it the biggest "
            "online shopping day in U.S. history.",
            (
                "ad",
                "Cadence Credit Stock: Buy or Sell?! New Cadence Credit Analysis from November 29 "
                "delivers the answer:",
                "The latest Cadence Credit figures speak for themselves: Urgent action needed for "
                "Cadence Credit investors. Is it worth buying or should you sell? Find out what to "
                "do now in the current free analysis from November 29.",
                "Cadence Credit: Buy or sell? Read more here...",
                "p",
            ),
        ],
    },
    {
        "key": "A8",
        "layout": "A",
        "lang": "en",
        "cat": "ai",
        "path": "/2025/11/24/cloudvane-cuts-ai-inference-prices-by-up-to-60-pressuring-rivals-margins/",
        "title": "Cloudvane Cuts AI Inference Prices by Up to 60%, Pressuring Rivals' Margins",
        "authors": ["Daniel Okafor"],
        "published": "2025-11-24T08:30:00+00:00",
        "caption": "Server racks in a Cloudvane data center outside Dublin. Photo: Cloudvane",
        "body": [
            "Cloudvane (NYSE: CLVN), the fast-growing cloud infrastructure provider, said on "
            "Monday it would cut the price of running open-source AI models on its platform by as "
            "much as 60 percent, a move analysts said could spark a price war in the market for "
            "AI inference.",
            "The new rates, which take effect on December 1, cover popular open models including "
            "Qwen and Llama and apply to both per-token pricing and reserved capacity. Cloudvane "
            "said the reductions were made possible by a new generation of custom accelerator "
            "chips and software that packs more customer requests onto each server.",
            ("h3", "Volume Over Price"),
            "Chief executive Tomasz Wierzbicki argued that demand for AI inference is highly "
            "price-sensitive. “Every time we have cut prices this year, usage has more than made "
            "up for it,” he said. Cloudvane said the number of tokens processed on its platform "
            "had grown eightfold since January.",
            "The company now counts more than 41,000 paying customers, many of them start-ups "
            "building chatbots, coding assistants and document-processing tools. Revenue in its "
            "most recent quarter rose 52 percent to $734 million.",
            ("ask", "Should investors sell immediately? Or is it worth buying Cloudvane?"),
            ("h3", "Rivals Face a Choice"),
            "Shares of Cloudvane rose 4.6 percent, while several smaller AI hosting companies "
            "fell. Analysts said larger cloud providers would likely match at least part of the "
            "cut, which could weigh on the margins of their AI businesses in 2026.",
            "“Inference is turning into a commodity faster than training did,” said Laura "
            "Benedetti, an analyst at Fairmont Research. “The winners will be the providers with "
            "the cheapest power and the best chip utilization, not the ones with the flashiest "
            "models.”",
            "Cloudvane will report fourth-quarter results in late February. The company has said "
            "it expects to reach positive free cash flow in the second half of 2026.",
            (
                "ad",
                "Cloudvane Stock: Buy or Sell?! New Cloudvane Analysis from November 24 delivers "
                "the answer:",
                "The latest Cloudvane figures speak for themselves: Urgent action needed for "
                "Cloudvane investors. Is it worth buying or should you sell? Find out what to do "
                "now in the current free analysis from November 24.",
                "Cloudvane: Buy or sell? Read more here...",
                "p",
            ),
        ],
    },
]

AUTHOR_BIOS_A = {
    "Brett Shapiro": SEED_BIO,
    "Maya Lindqvist": "Maya Lindqvist covers artificial intelligence and quantum computing for "
    "NewsCase from Stockholm. She previously reported on the Nordic start-up scene.",
    "Daniel Okafor": "Daniel Okafor writes about semiconductors and cloud infrastructure. Before "
    "joining NewsCase he spent eight years as an equity analyst in London.",
    "Sofia Marquez": "Sofia Marquez reports on energy, climate technology and the power grid from "
    "Houston.",
}
