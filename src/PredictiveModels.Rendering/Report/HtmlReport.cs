using System.Globalization;
using PredictiveModels.Analysis;
using PredictiveModels.Complexity;
using PredictiveModels.Dynamics;
using PredictiveModels.Reproducibility;
using PredictiveModels.Scenarios;
using PredictiveModels.Structures;

namespace PredictiveModels.Rendering.Report;

/// <summary>
/// The whole analysis of a scenario (<see cref="ScenarioAnalysis.Run"/>) as one self-contained HTML page: the headline
/// <c>P(Deceptive)</c> in the three regimes, the levers, every candidate's score with its bit breakdown, the simplicity
/// posterior, training phase by phase, and the provenance of the numbers, with the charts of this library drawn inline
/// as SVG.
/// </summary>
/// <remarks>
/// <para>
/// The page needs nothing else to be read: no network, no script, no file beside it. The style sheet is inline, the
/// charts are inline SVG, and the only links are to the page's own sections. It is written in the polyglot subset of
/// HTML5 that is also well-formed XML (<c>&lt;!DOCTYPE html&gt;</c>, then an <c>html</c> element in the XHTML
/// namespace; every element closed; only the five XML entities), so an XML parser reads it as well as a browser.
/// </para>
/// <para>
/// Every figure is written as the tool's text output writes it, inside a <c>data</c> element whose <c>value</c> holds
/// the number at full precision (round-trip, invariant culture), so a program can read the exact numbers back. Stable
/// ids name the parts: <c>headline-posterior</c>, <c>headline-high</c>, <c>headline-low</c> (the three headline
/// figures), <c>lever-table</c> (one row per lever with a <c>data-lever</c> attribute), <c>score-table</c>, one
/// <c>section</c> per candidate with a <c>data-candidate</c> attribute (its key, <c>structure/mechanism</c>) holding its
/// breakdown tree, <c>provenance</c>, and one <c>figure</c> per chart, each id starting with <c>chart-</c>.
/// </para>
/// <para>
/// The page is deterministic: the same result and provenance give the same text, character for character (it holds
/// no date or time), with <c>\n</c> line ends on every platform.
/// </para>
/// </remarks>
public static class HtmlReport
{
    /// <summary>The MIME type of the report: <c>text/html</c>.</summary>
    public const string MimeType = "text/html";

    /// <summary>The report as one string.</summary>
    /// <param name="analysis">The analysis to report.</param>
    /// <param name="provenance">What the analysis rests on (<see cref="Provenance.Of"/> of the scenario as loaded, before any change made in code).</param>
    /// <returns>The HTML document, UTF-8 text starting with <c>&lt;!DOCTYPE html&gt;</c>.</returns>
    public static string Of(AnalysisResult analysis, Provenance provenance)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(analysis, provenance, writer);
        return writer.ToString();
    }

    /// <summary>Writes the report to <paramref name="writer"/> (as <see cref="Of"/>), which the caller owns and flushes.</summary>
    /// <param name="analysis">The analysis to report.</param>
    /// <param name="provenance">What the analysis rests on.</param>
    /// <param name="writer">Where the document goes; it should encode UTF-8, as the page's <c>meta charset</c> says.</param>
    public static void Write(AnalysisResult analysis, Provenance provenance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(writer);
        var h = new HtmlWriter(writer);
        var scenario = analysis.Scenario;
        h.Raw("<!DOCTYPE html>").Line();
        h.Open("html", ("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en"), ("xml:lang", "en")).Line();
        h.Open("head").Line();
        h.Void("meta", ("charset", "utf-8")).Line();
        h.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        h.Void("meta", ("name", "generator"), ("content", "PredictiveModels " + provenance.Version)).Line();
        h.Element("title", $"PredictiveModels report: {scenario.Name}").Line();
        h.Open("style").Raw(ReportStyle.Css).Close("style").Line();
        h.Close("head").Line();
        h.Open("body").Line();

        h.Open("header").Line();
        h.Element("h1", $"PredictiveModels report: {scenario.Name}").Line();
        h.Open("p", ("class", "source")).Text("Scenario ").Element("code", scenario.Name).Text(" from ").Element("code", scenario.Source).Close("p").Line();
        if (!string.IsNullOrWhiteSpace(scenario.Description))
        {
            h.Element("p", scenario.Description.Trim(), ("class", "description")).Line();
        }

        Contents(h);
        h.Close("header").Line();

        Headline(h, analysis);
        Levers(h, analysis);
        Scores(h, analysis);
        Posterior(h, analysis);
        Training(h, analysis);
        ProvenanceSection(h, provenance);

        h.Close("body").Line();
        h.Close("html").Line();
        if (!h.IsBalanced)
        {
            throw new InvalidOperationException("the report left an element open");
        }
    }

    private static readonly (string Id, string Title)[] Sections =
    [
        ("headline", "Headline"),
        ("levers", "Levers"),
        ("scores", "Scores"),
        ("posterior", "Posterior (low path dependence, no training)"),
        ("training", "Training (high path dependence)"),
        ("provenance", "Provenance"),
    ];

    private static void Contents(HtmlWriter h)
    {
        h.Open("nav", ("aria-label", "contents")).Open("ol").Line();
        foreach (var (id, title) in Sections)
        {
            h.Open("li").Element("a", title, ("href", "#" + id)).Close("li").Line();
        }

        h.Close("ol").Close("nav").Line();
    }

    private static void OpenSection(HtmlWriter h, string id)
    {
        var title = Sections.Single(s => s.Id == id).Title;
        h.Open("section", ("id", id)).Line();
        h.Element("h2", title).Line();
    }

    private static void Headline(HtmlWriter h, AnalysisResult analysis)
    {
        var training = analysis.Training;
        var grid = analysis.Discretisation;
        OpenSection(h, "headline");
        h.Open("table", ("class", "headline")).Line();
        h.Open("thead").Open("tr").Element("th", "P(Deceptive)", ("scope", "col")).Element("th", "value", ("scope", "col")).Element("th", "discretisation", ("scope", "col")).Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        h.Open("tr").Element("th", "under the simplicity posterior (no training phases)", ("scope", "row"));
        Cell(h, "headline-posterior", analysis.SimplicityPosterior, ReportNumbers.Probability);
        h.Element("td", "none: the posterior has no grid").Close("tr").Line();
        h.Open("tr").Element("th", $"at the end of training ({training.Phases.Length} phase(s)): high path dependence", ("scope", "row"));
        Cell(h, "headline-high", analysis.HighPathDependence, ReportNumbers.Probability);
        h.Element("td", PlusMinus(grid.HighPathDependence)).Close("tr").Line();
        h.Open("tr").Element("th", $"at the equilibrium of the last phase ('{training.Final.Name}'): low path dependence", ("scope", "row"));
        Cell(h, "headline-low", analysis.LowPathDependence, ReportNumbers.Probability);
        h.Element("td", PlusMinus(grid.LowPathDependence)).Close("tr").Line();
        h.Close("tbody").Close("table").Line();
        h.Element("p", $"Each ± is the figure's change on the next coarser grid ({CoarserGrid(grid)}): an estimate of its discretisation error, not a bound.", ("class", "note")).Line();
        if (ReachNote(training) is { } note)
        {
            h.Element("p", note, ("class", "note")).Line();
        }

        h.Close("section").Line();
    }

    private static void Levers(HtmlWriter h, AnalysisResult analysis)
    {
        var grid = analysis.Discretisation;
        OpenSection(h, "levers");
        h.Element("p", "Each lever changes the scenario in one way and runs the whole analysis again. An effect is the lever minus the baseline on each grid; its ± is its change on the coarser grid.").Line();
        h.Open("table", ("id", "lever-table")).Line();
        h.Open("thead").Open("tr");
        foreach (var column in new[] { "lever", "what it changes", "posterior", "low (equilibrium)", "high (end of training)", "low effect", "high effect" })
        {
            h.Element("th", column, ("scope", "col"));
        }

        h.Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        h.Open("tr", ("class", "baseline")).Element("th", "baseline", ("scope", "row")).Element("td", "the scenario as stated");
        Cell(h, null, analysis.SimplicityPosterior, ReportNumbers.Probability);
        WithError(h, grid.LowPathDependence);
        WithError(h, grid.HighPathDependence);
        h.Element("td", "-", ("class", "num")).Element("td", "-", ("class", "num")).Close("tr").Line();
        foreach (var lever in analysis.Levers)
        {
            h.Open("tr", ("data-lever", lever.Lever.Name)).Element("th", lever.Lever.Name, ("scope", "row")).Element("td", lever.Lever.Description);
            Cell(h, null, lever.SimplicityPosterior, ReportNumbers.Probability);
            WithError(h, lever.Discretisation.LowPathDependence);
            WithError(h, lever.Discretisation.HighPathDependence);
            WithError(h, lever.LowPathDependenceEffect, ReportNumbers.Signed);
            WithError(h, lever.HighPathDependenceEffect, ReportNumbers.Signed);
            h.Close("tr").Line();
        }

        h.Close("tbody").Close("table").Line();
        Chart(h, "chart-levers", LeverChart.Of(analysis), "P(Deceptive) for the baseline and each lever: end of training (high path dependence) and equilibrium (low path dependence).");
        h.Close("section").Line();
    }

    private static void Scores(HtmlWriter h, AnalysisResult analysis)
    {
        var scores = analysis.Scores;
        OpenSection(h, "scores");
        h.Element("p", $"Every candidate's description length K given the world model, in bits. The world model ({ReportNumbers.Bits(scores.WorldModelBits)} bits) is shared by every candidate and not counted in K. Holes cost {CostNames.Of(scores.HoleCost, scores.ClassMeasure)}; class masses count fillings of up to {scores.SizeBound.ToString(CultureInfo.InvariantCulture)} nodes.").Line();
        h.Open("table", ("id", "score-table")).Line();
        h.Open("thead").Open("tr");
        foreach (var column in new[] { "structure", "mechanism", "class", "K (bits)", "Kmin", "Kclass", "Kclass counting", "T (steps)", "loss gap (bits/token)" })
        {
            h.Element("th", column, ("scope", "col"));
        }

        h.Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        var index = 0;
        foreach (var score in scores.Candidates)
        {
            index++;
            h.Open("tr", ("data-candidate", score.Candidate.Key)).Open("th", ("scope", "row")).Element("a", score.Structure.Id, ("href", "#candidate-" + Number(index))).Close("th");
            h.Element("td", Mechanism(score.Mechanism));
            ClassCell(h, score.Class);
            Cell(h, null, score.Bits, ReportNumbers.Bits);
            if (score.HasHoles)
            {
                Cell(h, null, score.Kmin, ReportNumbers.Bits);
                Cell(h, null, score.Kclass!.Value, ReportNumbers.Bits);
                Cell(h, null, score.KclassCounting!.Value, ReportNumbers.Bits);
            }
            else
            {
                h.Element("td", "", ("class", "num")).Element("td", "", ("class", "num")).Element("td", "", ("class", "num"));
            }

            Cell(h, null, score.RuntimeSteps, ReportNumbers.Number);
            Cell(h, null, score.LossGap, ReportNumbers.Number);
            h.Close("tr").Line();
        }

        h.Close("tbody").Close("table").Line();
        h.Element("h3", "Bit breakdowns").Line();
        index = 0;
        foreach (var score in scores.Candidates)
        {
            index++;
            Candidate(h, score, index);
        }

        h.Close("section").Line();
    }

    private static void Candidate(HtmlWriter h, CandidateScore score, int index)
    {
        var id = "candidate-" + Number(index);
        h.Open("section", ("class", "candidate"), ("id", id), ("data-candidate", score.Candidate.Key)).Line();
        h.Open("h4").Element("code", score.Candidate.Key).Text($": {score.Structure.Name} ({score.Class}), {(score.HasHoles ? CostNames.Of(score.HoleCost, score.ClassMeasure) : "K")} = ").Open("data", ("value", ReportNumbers.Exact(score.Bits))).Text(ReportNumbers.Bits(score.Bits)).Close("data").Text(" bits").Close("h4").Line();
        if (score.HasHoles)
        {
            var other = score.HoleCost == HoleCost.Class ? score.Kmin : score.Kclass!.Value;
            h.Element("p", $"With holes at {(score.HoleCost == HoleCost.Class ? "their cheapest filling (Kmin)" : "their class mass (Kclass)")} instead: {ReportNumbers.Bits(other)} bits.", ("class", "note")).Line();
        }

        h.Open("ul", ("class", "breakdown")).Line();
        Tree(h, score.Breakdown);
        h.Close("ul").Line();
        var parts = TopLevelParts(score.Breakdown);
        Chart(h, "chart-breakdown-" + Number(index), BitBreakdownChart.Of(score, 960, 110 + (34 * parts)), null);
        h.Close("section").Line();
    }

    /// <summary>How many bars <see cref="BitBreakdownChart.Of"/> draws: the top-level parts, a lone part opened.</summary>
    private static int TopLevelParts(BitBreakdown breakdown)
    {
        while (breakdown.Children.Length == 1)
        {
            breakdown = breakdown.Children[0];
        }

        return Math.Max(1, breakdown.Children.Length);
    }

    private static void Tree(HtmlWriter h, BitBreakdown node)
    {
        h.Open("li").Open("span", ("class", "bits")).Open("data", ("value", ReportNumbers.Exact(node.Bits))).Text(ReportNumbers.Bits(node.Bits)).Close("data").Text(" bits").Close("span").Text(" ").Element("span", node.Label, ("class", "label"));
        if (!node.Children.IsEmpty)
        {
            h.Line().Open("ul").Line();
            foreach (var child in node.Children)
            {
                Tree(h, child);
            }

            h.Close("ul");
        }

        h.Close("li").Line();
    }

    private static void Posterior(HtmlWriter h, AnalysisResult analysis)
    {
        var posterior = analysis.Posterior;
        var scenario = analysis.Scenario;
        var s = scenario.Analysis;
        OpenSection(h, "posterior");
        h.Open("p").Text("P(Deceptive) = ").Open("data", ("value", ReportNumbers.Exact(posterior.DeceptiveProbability))).Text(ReportNumbers.Probability(posterior.DeceptiveProbability)).Close("data")
            .Text($" (a = {ReportNumbers.Number(s.SimplicityExponent)}, lambda = {ReportNumbers.Number(s.SpeedWeight)}, n = {ReportNumbers.Number(s.DataSize)} tokens; holes cost {CostNames.Of(s.HoleCost, s.ClassMeasure)}).").Close("p").Line();
        if (posterior.BitsUnderwater is { } u)
        {
            var side = u > 0 ? "the best deceptive candidate is ahead of the best honest one" : "the best honest candidate is ahead of the best deceptive one";
            h.Element("p", $"Bits underwater: {ReportNumbers.Bits(u)} ({side} by {ReportNumbers.Bits(Math.Abs(u))} bits).").Line();
        }

        h.Element("p", $"With holes at {CostNames.Of(analysis.OtherHoleCost, analysis.Scores.ClassMeasure)} instead: P(Deceptive) = {ReportNumbers.Probability(analysis.OtherHoleCostPosterior.DeceptiveProbability)}.").Line();
        h.Open("table", ("id", "posterior-classes")).Line();
        h.Open("thead").Open("tr").Element("th", "class", ("scope", "col")).Element("th", "probability", ("scope", "col")).Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            h.Open("tr");
            ClassCell(h, outcomeClass, header: true);
            Cell(h, null, posterior.Classes[outcomeClass], _ => ReportNumbers.Log2Probability(posterior.Classes.Log2Probability(outcomeClass)));
            h.Close("tr").Line();
        }

        h.Close("tbody").Close("table").Line();
        Chart(h, "chart-posterior-classes", PosteriorChart.ByClass(posterior), "The simplicity posterior by outcome class.");
        h.Open("table", ("id", "posterior-candidates")).Line();
        h.Open("thead").Open("tr");
        foreach (var column in new[] { "candidate", "class", "K (bits)", "log2 T", "loss gap", "log2 w", "P" })
        {
            h.Element("th", column, ("scope", "col"));
        }

        h.Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        foreach (var c in posterior.Candidates)
        {
            h.Open("tr").Open("th", ("scope", "row")).Element("code", c.Score.Candidate.Key).Close("th");
            ClassCell(h, c.Score.Class);
            Cell(h, null, c.Score.Bits, ReportNumbers.Bits);
            Cell(h, null, Math.Log2(c.Score.RuntimeSteps), ReportNumbers.Bits);
            Cell(h, null, c.Score.LossGap, ReportNumbers.Number);
            Cell(h, null, c.Log2Weight, ReportNumbers.Bits);
            Cell(h, null, double.Exp2(c.Log2Probability), _ => ReportNumbers.Log2Probability(c.Log2Probability));
            h.Close("tr").Line();
        }

        h.Close("tbody").Close("table").Line();
        Chart(h, "chart-posterior-candidates", PosteriorChart.ByCandidate(posterior, height: 140 + (26 * posterior.Candidates.Length)), "Every candidate's bits below certainty, -log2 P.");
        if (!posterior.Eliminations.IsEmpty)
        {
            h.Element("h3", "When the data eliminates a structure").Line();
            h.Open("table", ("id", "eliminations")).Line();
            h.Open("thead").Open("tr").Element("th", "structure", ("scope", "col")).Element("th", "loss gap (bits/token)", ("scope", "col")).Element("th", "eliminated", ("scope", "col")).Element("th", "at this n", ("scope", "col")).Close("tr").Close("thead").Line();
            h.Open("tbody").Line();
            foreach (var e in posterior.Eliminations)
            {
                h.Open("tr").Open("th", ("scope", "row")).Element("code", e.StructureId).Close("th");
                Cell(h, null, e.LossGap, ReportNumbers.Number);
                h.Element("td", e.EliminatedAtDataSize switch
                {
                    null => "never (no candidate fits the data better)",
                    0 => "at any data size (too complex)",
                    { } at => $"beyond n = {ReportNumbers.Number(at)} tokens",
                });
                h.Element("td", e.IsEliminated ? "eliminated" : "not eliminated").Close("tr").Line();
            }

            h.Close("tbody").Close("table").Line();
        }

        h.Close("section").Line();
    }

    private static void Training(HtmlWriter h, AnalysisResult analysis)
    {
        var training = analysis.Training;
        OpenSection(h, "training");
        h.Element("p", "Training as a Markov chain, phase by phase, each phase starting where the last one ended: the outcome classes at the end of each phase (high path dependence) and at the equilibrium of its energy (low path dependence), and the path-dependence index between the two (total variation, 0 to 1).").Line();
        h.Open("table", ("id", "training-table")).Line();
        h.Open("thead").Open("tr").Element("th", "phase", ("scope", "col")).Element("th", "regime", ("scope", "col"));
        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            h.Element("th", outcomeClass.ToString(), ("scope", "col"));
        }

        h.Element("th", "undecided", ("scope", "col")).Element("th", "path-dependence index", ("scope", "col")).Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        foreach (var phase in training.Phases)
        {
            foreach (var (regime, classes) in new[] { ("end of phase", phase.Transient), ("equilibrium", phase.Equilibrium) })
            {
                h.Open("tr");
                if (regime == "end of phase")
                {
                    h.Element("th", phase.Name, ("scope", "rowgroup"), ("rowspan", "2"));
                }

                h.Element("td", regime);
                foreach (var outcomeClass in OutcomeDistribution.Classes)
                {
                    Cell(h, null, classes[outcomeClass], ReportNumbers.Probability);
                }

                Cell(h, null, classes.Undecided, ReportNumbers.Probability);
                if (regime == "end of phase")
                {
                    Cell(h, null, phase.PathDependenceIndex, ReportNumbers.Probability);
                }
                else
                {
                    h.Element("td", "", ("class", "num"));
                }

                h.Close("tr").Line();
            }
        }

        h.Close("tbody").Close("table").Line();
        h.Open("table", ("id", "phase-table")).Line();
        h.Open("thead").Open("tr");
        foreach (var column in new[] { "phase", "duration", "configurations", "relaxation time", "equilibrium reached" })
        {
            h.Element("th", column, ("scope", "col"));
        }

        h.Close("tr").Close("thead").Line();
        h.Open("tbody").Line();
        foreach (var phase in training.Phases)
        {
            h.Open("tr").Element("th", phase.Name, ("scope", "row"));
            Cell(h, null, phase.Duration, ReportNumbers.Number);
            Cell(h, null, phase.Configurations, c => c.ToString("0", CultureInfo.InvariantCulture));
            h.Element("td", Relaxation(phase)).Element("td", Reached(phase)).Close("tr").Line();
        }

        h.Close("tbody").Close("table").Line();
        Chart(h, "chart-training-classes", TrainingChart.Classes(training), "Each class at the end of each phase (solid) and each phase's equilibrium (dashed), against training time.");
        Chart(h, "chart-training-path-dependence", TrainingChart.PathDependence(training), "The path-dependence index through training: 0 when the end of a phase is its equilibrium.");
        h.Close("section").Line();
    }

    private static void ProvenanceSection(HtmlWriter h, Provenance provenance)
    {
        OpenSection(h, "provenance");
        h.Open("dl").Line();
        h.Element("dt", "version").Open("dd").Element("code", provenance.Version, ("data-provenance", "version")).Close("dd").Line();
        h.Element("dt", "commit").Open("dd");
        if (provenance.Commit is { } commit)
        {
            h.Element("code", commit, ("data-provenance", "commit"));
        }
        else
        {
            h.Text("not known: the library was built outside a git checkout");
        }

        h.Close("dd").Line();
        h.Element("dt", "scenario SHA-256").Open("dd");
        if (provenance.ScenarioSha256 is { } sha)
        {
            h.Element("code", sha, ("data-provenance", "scenarioSha256"));
        }
        else
        {
            h.Text("none: the scenario was built or changed in code, so it has no document to fingerprint");
        }

        h.Close("dd").Line();
        h.Element("dt", "seed").Open("dd");
        if (provenance.Seed is { } seed)
        {
            h.Element("code", seed.ToString(CultureInfo.InvariantCulture), ("data-provenance", "seed"));
        }
        else
        {
            h.Text("none: nothing in this report is drawn at random");
        }

        h.Close("dd").Line();
        h.Close("dl").Line();
        h.Element("p", "The scenario's SHA-256 is that of its resolved document (after extends): the same number means the same scenario, whatever file it was written in.", ("class", "note")).Line();
        h.Close("section").Line();
    }

    private static void Chart(HtmlWriter h, string id, SvgChart chart, string? caption)
    {
        h.Open("figure", ("id", id), ("class", "chart")).Line();
        h.Raw(InlineSvg.Of(chart, id)).Line();
        if (caption is not null)
        {
            h.Element("figcaption", caption).Line();
        }

        h.Close("figure").Line();
    }

    /// <summary>A number cell: the figure as text inside a <c>data</c> element holding it at full precision.</summary>
    private static void Cell(HtmlWriter h, string? id, double value, Func<double, string> format) =>
        h.Open("td", ("class", "num"), ("id", id)).Open("data", ("value", ReportNumbers.Exact(value))).Text(format(value)).Close("data").Close("td");

    private static void WithError(HtmlWriter h, DiscretisationEstimate e) => WithError(h, e, ReportNumbers.Probability);

    private static void WithError(HtmlWriter h, DiscretisationEstimate e, Func<double, string> format) =>
        h.Open("td", ("class", "num")).Open("data", ("value", ReportNumbers.Exact(e.Value))).Text(format(e.Value)).Close("data").Text(" ").Element("span", PlusMinus(e), ("class", "error")).Close("td");

    private static void ClassCell(HtmlWriter h, OutcomeClass outcomeClass, bool header = false)
    {
        var tag = header ? "th" : "td";
        h.Open(tag, ("class", "class"), ("scope", header ? "row" : null)).Element("span", "", ("class", "swatch"), ("style", $"background:{OutcomePalette.Hex(outcomeClass)}")).Text(outcomeClass.ToString()).Close(tag);
    }

    private static string PlusMinus(DiscretisationEstimate e) => "±" + ReportNumbers.Probability(e.Estimate);

    private static string CoarserGrid(TrainingDiscretisation d) =>
        $"goal resolution {ReportNumbers.Number(d.CoarserGoalResolution)} bits per goal step, {d.CoarserWorldSteps.ToString(CultureInfo.InvariantCulture)} world steps";


    private static string Mechanism(Mechanism mechanism) => mechanism.Name();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>When (or whether) the last phase reaches the equilibrium the low-path-dependence figure describes; null when not computed.</summary>
    private static string? ReachNote(TrainingResult training)
    {
        var p = training.Final;
        if (p.Reachability is not { } e)
        {
            return null;
        }

        if (e.ReachedAt is { } at)
        {
            return at <= p.Duration
                ? $"Training reaches this equilibrium within its last phase, at t = {ReportNumbers.Number(at)}."
                : $"This equilibrium is reached only after {ReportNumbers.Number(at)} time units of '{p.Name}', {ReportNumbers.Number(at / p.Duration)} x its duration: the training as stated ends before.";
        }

        return e.Problem!.StartsWith("not reached", StringComparison.Ordinal)
            ? $"The equilibrium is not reached within 10^6 x the phase's duration: low path dependence is a state this training never reaches (index still {ReportNumbers.Probability(e.IndexThere)} at t = {ReportNumbers.Number(e.SearchedUntil)})."
            : $"Whether training reaches this equilibrium is not known: {e.Problem}.";
    }

    private static string Relaxation(PhaseResult p)
    {
        var r = p.Relaxation;
        if (r is null)
        {
            return "not computed";
        }

        if (r.Problem is { } problem)
        {
            return "not computed: " + problem;
        }

        return r.IsLowerBound
            ? $"at least {ReportNumbers.Magnitude(r.Log10Lower!.Value)} (a lower bound)"
            : $"{ReportNumbers.Number(r.Time!.Value)} [{ReportNumbers.Number(r.Lower!.Value)}, {ReportNumbers.Number(r.Upper!.Value)}]";
    }

    private static string Reached(PhaseResult p)
    {
        var e = p.Reachability;
        if (e is null)
        {
            return "not computed";
        }

        if (e.ReachedAt is { } at)
        {
            return at <= p.Duration ? $"at t = {ReportNumbers.Number(at)}, within the phase" : $"at t = {ReportNumbers.Number(at)}, {ReportNumbers.Number(at / p.Duration)} x the phase's duration";
        }

        return e.Problem ?? "not known";
    }
}
