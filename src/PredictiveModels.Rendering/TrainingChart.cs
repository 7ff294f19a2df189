using PredictiveModels.Dynamics;
using PredictiveModels.Structures;
using ScottPlot;

namespace PredictiveModels.Rendering;

/// <summary>
/// Charts of training as a Markov chain, against training time summed over the phases (in the scenario's units of
/// training time; a phase's duration): the outcome classes through each phase with each phase's equilibrium as
/// reference lines, and the path-dependence index. Phase boundaries are dashed vertical lines.
/// </summary>
public static class TrainingChart
{
    /// <summary>
    /// Each class's probability through training (solid line with markers, in the class's colour), and each phase's
    /// equilibrium as a dashed horizontal line over that phase in the same colour. The markers are the times at which
    /// training records the classes (<see cref="PhaseResult.ClassesOverTime"/>: the start, an eighth, a quarter, half
    /// and the end of each phase); the line only joins them, it is not the path between them. A phase recorded without
    /// those times contributes its end alone. The probability axis is logarithmic when the values span more than two
    /// decades (zeros drawn at its floor).
    /// </summary>
    /// <param name="training">The training run; at least one phase.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Training: outcome classes against time</c>.</returns>
    public static SvgChart Classes(TrainingResult training, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(training);
        const string title = "Training: outcome classes against time";
        var plot = SvgRenderer.NewPlot(title, "training time (summed phase durations)", "");
        var ends = PhaseEnds(training);
        var points = Trajectory(training, ends);
        var axis = ProbabilityAxis.For(points.SelectMany(p => p.Classes.Probabilities).Concat(training.Phases.SelectMany(p => p.Equilibrium.Probabilities)));
        double[] xs = [.. points.Select(p => p.Time)];
        foreach (var outcomeClass in OutcomeDistribution.Classes)
        {
            var colour = OutcomePalette.Color(outcomeClass);
            double[] ys = [.. points.Select(p => axis.Position(p.Classes[outcomeClass]))];
            var line = plot.Add.Scatter(xs, ys, colour);
            line.LegendText = outcomeClass.ToString();
            line.LineWidth = 2;
            line.MarkerSize = 7;
            for (var k = 0; k < training.Phases.Length; k++)
            {
                var start = k == 0 ? 0 : ends[k - 1];
                var y = axis.Position(training.Phases[k].Equilibrium[outcomeClass]);
                var reference = plot.Add.Line(start, y, ends[k], y);
                reference.Color = colour;
                reference.LinePattern = LinePattern.Dashed;
                reference.LineWidth = 1.5f;
            }
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dashed: equilibrium", LineColor = Colors.Gray, LinePattern = LinePattern.Dashed, LineWidth = 1.5f });
        axis.Apply(plot, "P(class)");
        PhaseBoundaries(plot, training, ends);
        SvgRenderer.LegendRight(plot);
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>
    /// The path-dependence index (total-variation distance between the transient and the phase's equilibrium, 0 to 1)
    /// at the times each phase records, joined over the phases.
    /// </summary>
    /// <param name="training">The training run; at least one phase.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <returns>The chart, titled <c>Training: path-dependence index against time</c>.</returns>
    public static SvgChart PathDependence(TrainingResult training, int width = SvgRenderer.DefaultWidth, int height = SvgRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(training);
        const string title = "Training: path-dependence index against time";
        var plot = SvgRenderer.NewPlot(title, "training time (summed phase durations)", "path-dependence index (total variation, 0 to 1)");
        var ends = PhaseEnds(training);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var k = 0; k < training.Phases.Length; k++)
        {
            var start = k == 0 ? 0 : ends[k - 1];
            foreach (var (time, index) in training.Phases[k].PathDependence)
            {
                xs.Add(start + time);
                ys.Add(index);
            }
        }

        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), Color.FromHex(OutcomePalette.HighPathDependence));
        line.LineWidth = 2;
        line.MarkerSize = 5;
        plot.Axes.SetLimitsY(0, 1.05);
        PhaseBoundaries(plot, training, ends);
        return SvgRenderer.Render(plot, title, width, height);
    }

    /// <summary>The recorded class probabilities in training order, each at its time summed over the phases before it.</summary>
    private static List<(double Time, OutcomeDistribution Classes)> Trajectory(TrainingResult training, double[] ends)
    {
        var points = new List<(double Time, OutcomeDistribution Classes)>();
        for (var k = 0; k < training.Phases.Length; k++)
        {
            var phase = training.Phases[k];
            var start = k == 0 ? 0 : ends[k - 1];
            if (phase.ClassesOverTime.IsEmpty)
            {
                points.Add((ends[k], phase.Transient));
                continue;
            }

            foreach (var (time, classes) in phase.ClassesOverTime)
            {
                points.Add((start + time, classes));
            }
        }

        return points;
    }

    /// <summary>The time at the end of each phase, durations summed from 0.</summary>
    private static double[] PhaseEnds(TrainingResult training)
    {
        var ends = new double[training.Phases.Length];
        var time = 0.0;
        for (var k = 0; k < ends.Length; k++)
        {
            time += training.Phases[k].Duration;
            ends[k] = time;
        }

        return ends;
    }

    /// <summary>A dashed vertical line at each phase's end but the last, and the phases' names as the top axis's ticks.</summary>
    private static void PhaseBoundaries(Plot plot, TrainingResult training, double[] ends)
    {
        var ticks = new List<Tick>();
        for (var k = 0; k < ends.Length; k++)
        {
            var start = k == 0 ? 0 : ends[k - 1];
            ticks.Add(Tick.Major((start + ends[k]) / 2, training.Phases[k].Name));
            if (k < ends.Length - 1)
            {
                var boundary = plot.Add.VerticalLine(ends[k]);
                boundary.LinePattern = LinePattern.Dashed;
                boundary.Color = Colors.Gray;
                boundary.LineWidth = 1;
            }
        }

        plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Top.IsVisible = true;
        var right = ends.Length == 0 || ends[^1] <= 0 ? 1 : ends[^1] * 1.02;
        plot.Axes.SetLimitsX(0, right);
        plot.Axes.SetLimitsX(0, right, plot.Axes.Top);
    }
}
