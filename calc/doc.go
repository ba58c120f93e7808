/*
Package calc is the calculation engine of valuecalc: the model of customer
value, its file format valuecalc/3, and the formulas that turn a model into
a result.

Customer value is what a customer feels they get minus what they give up:

	customer value = total perceived benefits − total customer costs

A [Model] holds items, each a benefit or a cost of a value [Type], and
scenarios, the columns of a comparison (customer segments, or options such
as "Status quo" and "With us"), each with its own [Entry] for every item.
A model measures either by score or by money ([Mode]).

The package reads no files, clock or randomness and keeps no mutable
state: every function is pure and safe for concurrent use. It imports the
standard library only, so that the command line, the server and the
WebAssembly UI share it.

# Features

  - [Decode] reads a model file strictly and lists every problem at once,
    each a [*FieldError] with a path, such as
    "items[2].weight: must be between 0 and 1000, got -1"
  - [Validate] checks a model built in memory against the same rules
  - [Encode] writes a model as canonical, stable JSON
  - [Evaluate] computes a [Result]; it never fails and never panics
  - [Analyze] says what would change the answer: break-evens, ties,
    swings, weight ties, a verdict and, for entries with ranges, a Monte
    Carlo simulation ([Sensitivity] without it, [Simulation] in slices)
  - [GoalSeek] finds the value of an entry that gives a scenario a net,
    ROI or payback
  - [EncodeLink] and [DecodeLink] carry a model in a share link's fragment
  - the Check functions ([CheckWeight], [CheckAmount], …) check one typed
    value with the limits and messages of [Validate]
  - [Style] writes numbers and money for display in English, German,
    French or Spanish ([StyleOf]), rounding ties by [Round]: the one
    formatter of the command line and the app; [Model.MoneyDecimals] says
    whether a model's money shows cents

# Formulas

For item i in scenario s, the weight w is the entry's weight if it has one,
else the item's. An item with no entry in a scenario contributes 0 and
counts as unscored. A weight is a multiplier: in score mode how much an
item matters, in money mode a risk adjustment below 1 (0.8 = expect 80 %)
and a cost overrun allowance above 1.

Score mode:

	contribution = w × score

Money mode, with base = amount, or hours × hourlyRate, a horizon of N years
and a yearly discount rate r:

	once:   w × base                             (now, not discounted)
	year:   Σ_{t=1..N} w × base / (1+r)^t
	month:  Σ_{t=1..N} 12 × w × base / (1+r)^t    (a year's months count at its end)

Per scenario:

	benefits = Σ contributions of benefit items
	costs    = Σ contributions of cost items
	net      = benefits − costs   (the customer value)
	ratio    = benefits / costs   (nil when costs = 0)
	roi      = net / costs        (money mode; nil when costs = 0)

Payback (money mode) is undiscounted. With U the sum of w × base over once
entries and M the same over month entries plus a twelfth of it over year
entries, benefits counted positive and costs negative, the cumulative net
after m months is U + M×m, and the payback is the earliest m in [0, 12N]
from which the cumulative net stays ≥ 0 up to the horizon's end, 12N:

	none (nil)   when costs = 0 (nothing to pay back)
	none (nil)   when U + 12N×M < 0 (still behind at the end)
	0            when U ≥ 0 (ahead from the start, and so throughout)
	−U/M         otherwise; it may be fractional: 5.67 months

A scenario of recurring costs only never pays back. (Version 1 of the
specification took the smallest m with U + M×m ≥ 0, which called such a
scenario paid back at once; the corrected rule applies to files of either
version.)

Benefits and costs are also summed by type, every type of the side present.
The best scenario is the one with the highest net, the first on ties; the
first scenario is the baseline others are compared with.

# Analysis

[Analyze] answers "and if that number is wrong?" for every entry (SPEC
§8). Each entry has a value x (its score, amount or hours) and its
scenario's net is linear in x with the slope σk: k = w for a score, w × f
for an amount, w × hourlyRate × f for hours, with f = 1 once, A a year and
12A a month, A = Σ_{t=1..N} (1+r)^−t, and σ = +1 for a benefit, −1 for a
cost. With b the best scenario, r the runner-up (the highest net among the
others) and lead = net_b − net_r:

	breakEven  = x − net_s/(σk)                 the value at which net_s = 0
	tie        = x − (net_s − net_rival)/(σk)   rival: r for b, else b
	swing      x ∓ 1 clamped to the scale (score), 0.8x and 1.2x (money)
	swingLow, swingHigh = net_s at the swing's ends, smaller first
	flips      = tie lies within the swing
	weightTie  = w_i − lead/(σ(u_b − u_r))      per item; u = x × f at weight 1

A break-even, tie or weight tie outside its bounds (the scale, 0–1e12
for an amount, 0–1e9 for hours, 0–1000 for a weight) or with a zero
slope is nil. The verdict is "single" with one scenario, "tie" when the
lead is 0, "fragile" when any entry flips and "clear" otherwise.

When entries have ranges (low and high), a Monte Carlo simulation of
10,000 samples draws each ranged entry from the triangular distribution
(low, x, high) with SplitMix64 seeded with 1, in scenario order and then
item order, and reports per scenario the nearest-rank 10th, 50th and 90th
percentiles of the net, the share of samples with a net above 0 and the
share in which it is best. It is the same on every machine. [Simulation]
runs it in slices, for an interface that must stay responsive;
[EvaluateWithRanges] adds the percentiles to a Result.

# Constraints

A model file is JSON in UTF-8 (a file in UTF-16 is refused with
[ErrUTF16]), at most [MaxInputSize] bytes. Its fields,
rules and defaults (SPEC §2) are:

	field         rule                                          default
	format        "valuecalc/3", "valuecalc/2" or "valuecalc/1" required
	title         at most 200 characters                        "Untitled"
	mode          "score" or "money"                            "score"
	scale         {"min": a, "max": b}, integers, 0 ≤ a < b ≤ 100 {"min": 1, "max": 5}
	  minLabel, maxLabel  v2: what the ends mean, 1–40 characters, not blank  none
	currency      three capital letters (ISO 4217)              "USD"
	horizonYears  integer, 1–30                                 3
	discountRate  0 ≤ r < 1                                     0
	hourlyRate    0 ≤ rate ≤ 1e12 (MaxHourlyRate)               0
	items         0–1000 items                                  []
	scenarios     1–50 scenarios                                one: "s1", "Scenario 1"

An item has an id (1–64 characters of A–Z a–z 0–9 _ -, unique), a name
(not blank, at most 200 characters), a side ("benefit" or "cost"), a type
of its side, an optional stage, a weight (0–1000, default 1) and a note (at
most 2000 characters, default ""). A scenario has an id and a name, ruled
like an item's, and entries: an object from item id to entry, every key an
item's id. In score mode an entry is {"score": s} with min ≤ s ≤ max; in
money mode it has exactly one of "amount" (0–1e12) and "hours" (0–1e9),
and "per": "once" (the default), "month" or "year". Either may have a
"weight" (0–1000).

No text (title, names, labels, notes) may hold a control character: a C0
or C1 control, DEL, or a bidirectional embedding, override or isolate
([ControlChar]; [ErrControl]), as they are instructions to a terminal or
to the layout of text, not text. A note may hold tabs and line feeds.

Version 2 adds, to either kind of entry, "low" and "high": an uncertainty
range around its value (score, amount or hours, in the same unit), both or
neither, low ≤ value ≤ high, each within the value's own bounds (the scale,
0–1e12, 0–1e9; see [Model.Bounds]); and "ask": true, which marks the entry
as a question for the visitor view. A valuecalc/1 file is read as the same
model, but may not hold these fields or the scale's labels.

Version 3 (SPEC §2.1) adds the case's "customer" (at most 200 characters)
and "summary" (at most 4000, lines allowed), and "drivers": up to 100
facts of the customer's ([Driver]: id, name, unit, value 0–1e9, an
optional range, ask, note, source) that a money entry is priced per with
"times" (1–3 distinct driver ids: its base is multiplied by their values).
A money entry may start later ("start", month 1–361; month 12N + 1 is the
end of the last year), and a month or year entry may end early ("end",
start–360), ramp up ("ramp", 0–120 months: its k-th month is k/(ramp + 1)
of it) and grow ("growth", −0.5–1 a year); any entry may name its
"source". A file of version 1 or 2 may hold none of these fields. Each
money result then carries its cash flow by year ([CashflowYear]), and the
payback is found on the month-level cumulative net, which [CumulativeNet]
returns month by month. [Encode] writes the
lowest version that holds the model ([Model.UsesV3]): valuecalc/3 with a
field of version 3, else valuecalc/2, byte for byte as before.

Each rule is also a function the UI can call on one typed value, with the
same limits and messages as [Validate]: [CheckTitle], [CheckScale],
[CheckScaleBound], [CheckScaleLabel], [CheckCurrency], [CheckHorizon],
[CheckDiscountRate], [CheckHourlyRate], [CheckID], [CheckName],
[CheckNote], [CheckWeight], [CheckScore], [CheckAmount], [CheckHours],
[CheckLow], [CheckHigh], [CheckCustomer], [CheckSummary], [CheckUnit],
[CheckSource], [CheckDriverValue], [CheckGrowth] and, for a file's size, [CheckSize]. The limits are constants: [MaxWeight],
[MaxAmount], [MaxHours], [MaxHourlyRate], [MinHorizon], [MaxHorizon],
[MaxScaleBound], [MaxTitleLen], [MaxNameLen], [MaxNoteLen], [MaxLabelLen],
[MaxIDLen], [MaxItems], [MaxScenarios].

Every number is finite. Settings of the other mode (scale in a money
model; currency, horizon and rates in a score model) are checked, kept and
ignored, so that switching mode loses nothing. An entry of the wrong kind
for the mode, an unknown field and a repeated key are errors, so that a
typo never drops data silently.

# Errors

[Decode], [Validate] and [Encode] report problems as a [Problems]: every
problem found, not only the first, each a [*FieldError] with the path of
the offending value and a lower-case message quoting it:

	items[2].weight: must be between 0 and 1000, got -1
	scenarios[0].entries.x: unknown item "x"
	mode: must be "score" or "money", got "points"

Each FieldError wraps one sentinel error ([ErrSyntax], [ErrWrongKind],
[ErrOutOfRange] and so on), so errors.Is tells kinds of problems apart and
errors.As finds the first FieldError:

	_, err := calc.Decode(data)
	var fe *calc.FieldError
	if errors.As(err, &fe) {
		// fe.Path is where to show the first problem; for a file that
		// is not JSON at all, fe.Pos is its line and column.
	}

A list cut short at 100 problems ends with a line counting the rest
([ErrMore]); [Problems.Total] is the count of all of them.

Share links report [ErrLink], and [ErrLinkDamaged] for a link of version 2
whose checksum fails; [GoalSeek] reports [ErrNoEntry] and
[ErrUnreachable].
*/
package calc
