using PredictiveModels.Structures;

namespace PredictiveModels.Rendering.Tests;

public sealed class TrainingChartTests
{
    [Fact]
    public void The_class_chart_has_every_class_the_equilibrium_reference_and_the_phase_names()
    {
        var training = Results.Analysis.Training;
        var chart = TrainingChart.Classes(training);

        Svg.Title(chart).Should().Be("Training: outcome classes against time");
        var texts = Svg.Texts(chart);
        texts.Should().Contain(OutcomeDistribution.Classes.Select(c => c.ToString()));
        texts.Should().Contain("dashed: equilibrium");
        texts.Should().Contain(training.Phases.Select(p => p.Name));
        texts.Should().Contain(t => t.StartsWith("training time", StringComparison.Ordinal));
    }

    [Fact]
    public void The_path_dependence_chart_is_labelled_and_renders_the_same_twice()
    {
        var training = Results.Analysis.Training;
        var chart = TrainingChart.PathDependence(training);

        Svg.Title(chart).Should().Be("Training: path-dependence index against time");
        Svg.Texts(chart).Should().Contain(t => t.StartsWith("path-dependence index", StringComparison.Ordinal));
        chart.Should().Be(TrainingChart.PathDependence(training));
        TrainingChart.Classes(training).Should().Be(TrainingChart.Classes(training));
    }

    [Fact]
    public void A_single_phase_whose_classes_are_all_in_one_class_renders()
    {
        var training = Results.Analysis.Training;
        var certain = OutcomeDistribution.FromProbabilities([0, 1, 0, 0, 0]);
        var phase = training.Final with { Transient = certain, Equilibrium = certain, PathDependence = [(0, 0), (1, 0)] };
        var single = new Dynamics.TrainingResult([phase]);

        Svg.Parse(TrainingChart.Classes(single)).Should().NotBeNull();
        Svg.Parse(TrainingChart.PathDependence(single)).Should().NotBeNull();
    }

    [Fact]
    public void The_class_chart_draws_the_classes_recorded_inside_a_phase_not_only_its_end()
    {
        var training = Results.Analysis.Training;
        training.Final.ClassesOverTime.Length.Should().BeGreaterThan(2, "training records the classes at several times of a phase");
        var endsOnly = new Dynamics.TrainingResult([.. training.Phases.Select(p => p with { ClassesOverTime = [] })]);
        var certain = OutcomeDistribution.FromProbabilities([0, 1, 0, 0, 0]);
        var moved = new Dynamics.TrainingResult([.. training.Phases.Select(p => p with { ClassesOverTime = [.. p.ClassesOverTime.Select((x, i) => i == 1 ? (x.Time, certain) : x)] })]);

        var chart = TrainingChart.Classes(training).Svg;

        TrainingChart.Classes(endsOnly).Svg.Should().NotBe(chart);
        TrainingChart.Classes(moved).Svg.Should().NotBe(chart);
    }
}
