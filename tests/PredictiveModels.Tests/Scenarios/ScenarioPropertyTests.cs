using System.Globalization;
using CsCheck;
using PredictiveModels.Scenarios;

namespace PredictiveModels.Tests.Scenarios;

/// <summary>
/// Properties of the scenario format over random valid scenarios (<see cref="ScenarioSpecs"/>): names are only
/// names, the order of a file's lists and keys carries no meaning, and <c>extends</c> merges as
/// docs/scenario-format.md ("How the two are merged") states. Each property runs a bounded number of scenarios.
/// </summary>
public sealed class ScenarioPropertyTests : IDisposable
{
    private const int Iterations = 25;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pm-properties-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Renaming_every_concept_consistently_changes_no_score_bit_or_probability()
    {
        Gen.Int.Sample(seed =>
        {
            var spec = ScenarioSpecs.Full(seed);
            var random = new Random(seed);
            var rename = spec.Concepts!.Value.Select((c, i) => (c.Name, New: $"renamed{i}_{(char)('a' + random.Next(26))}x")).ToDictionary(p => p.Name, p => p.New);
            var renamed = ScenarioSpecs.Rename(spec, rename);

            var original = Load(ScenarioSpecs.Yaml(spec));
            var other = Load(ScenarioSpecs.Yaml(renamed));

            other.WorldModel.Concepts.Select(c => c.Name).Should().Equal(spec.Concepts!.Value.Select(c => rename[c.Name]), "the renaming must reach the reader");
            ScenarioSpecs.ResultText(other).Should().Be(ScenarioSpecs.ResultText(original));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Shuffling_the_order_of_concepts_structures_mechanisms_and_keys_changes_no_result_beyond_rounding()
    {
        Gen.Int.Sample(seed =>
        {
            var spec = ScenarioSpecs.Full(seed);
            var text = ScenarioSpecs.Yaml(spec);
            var shuffled = ScenarioSpecs.Yaml(spec, new Random(seed ^ 0x5eed));

            var expected = ScenarioSpecs.Results(Load(text)).ToDictionary(f => f.Key, f => f.Value);
            var actual = ScenarioSpecs.Results(Load(shuffled)).ToDictionary(f => f.Key, f => f.Value);

            // A sum over alternatives or candidates in another order may differ in its last bits; nothing else may.
            actual.Keys.Should().BeEquivalentTo(expected.Keys);
            foreach (var (key, value) in expected)
            {
                if (double.IsNaN(value))
                {
                    actual[key].Should().Be(double.NaN, key);
                }
                else
                {
                    actual[key].Should().BeApproximately(value, 1e-12 * Math.Max(1, Math.Abs(value)), "{0} of\n{1}\nshuffled as\n{2}", key, text, shuffled);
                }
            }
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_child_that_restates_every_value_of_its_parent_in_any_order_is_the_parent()
    {
        Gen.Int.Sample(seed =>
        {
            var parent = ScenarioSpecs.Full(seed);
            var folder = Folder();
            var parentPath = Write(folder, "parent.yaml", ScenarioSpecs.Yaml(parent));
            var child = parent with { Extends = "parent.yaml", Name = "restated" };
            // Concepts and structures restated in another order, keys too; a structure's own lists keep their order, which
            // is the order of its candidates.
            var childPath = Write(folder, "child.yaml", ScenarioSpecs.Yaml(child, new Random(seed), shuffleInnerLists: false));

            var loadedParent = ScenarioLoader.Load(parentPath);
            var loadedChild = ScenarioLoader.Load(childPath);

            ScenarioSpecs.Content(loadedChild).Should().Be(ScenarioSpecs.Content(loadedParent));
            ScenarioSpecs.ResultText(loadedChild).Should().Be(ScenarioSpecs.ResultText(loadedParent));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_child_loads_as_the_documented_merge_of_its_parent_and_its_own_keys()
    {
        Gen.Int.Sample(seed =>
        {
            var parent = ScenarioSpecs.Full(seed);
            var child = ScenarioSpecs.Child(seed, parent, "parent.yaml", generation: 1, remove: true);
            var folder = Folder();
            Write(folder, "parent.yaml", ScenarioSpecs.Yaml(parent));
            var childPath = Write(folder, "child.yaml", ScenarioSpecs.Yaml(child));

            var loaded = ScenarioLoader.Load(childPath);
            var merged = Load(ScenarioSpecs.Yaml(ScenarioSpecs.Merge(parent, child)));

            ScenarioSpecs.Content(loaded).Should().Be(ScenarioSpecs.Content(merged), "the child\n{0}\nof\n{1}", ScenarioSpecs.Yaml(child), ScenarioSpecs.Yaml(parent));
            ScenarioSpecs.ResultText(loaded).Should().Be(ScenarioSpecs.ResultText(merged));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_key_the_child_sets_wins_over_its_parents_and_a_key_it_leaves_out_keeps_the_parents_value()
    {
        Gen.Int.Sample(seed =>
        {
            var parent = ScenarioSpecs.Full(seed);
            var child = ScenarioSpecs.Child(seed, parent, "parent.yaml", generation: 1, remove: false);
            var folder = Folder();
            var parentPath = Write(folder, "parent.yaml", ScenarioSpecs.Yaml(parent));
            var childPath = Write(folder, "child.yaml", ScenarioSpecs.Yaml(child));

            var before = ScenarioLoader.Load(parentPath);
            var loaded = ScenarioLoader.Load(childPath);

            foreach (var (key, value) in Analysis(before))
            {
                var set = child.Analysis?.FirstOrDefault(a => a.Key == key).Value;
                Analysis(loaded)[key].Should().Be(set ?? value, "analysis.{0} is {1} in the child", key, set ?? "left out");
            }

            foreach (var b in loaded.WorldModel.BuiltIns)
            {
                var set = child.Builtins?.Where(c => c.Name == b.Name).Select(c => (double?)c.Weight).FirstOrDefault();
                b.Weight.Should().Be(set ?? before.WorldModel.BuiltIns.Single(p => p.Name == b.Name).Weight, "built-in {0}", b.Name);
            }

            loaded.WorldModel.LiteralWeight.Should().Be(child.LiteralWeight ?? before.WorldModel.LiteralWeight);
            foreach (var c in loaded.WorldModel.Concepts)
            {
                var set = child.Concepts?.FirstOrDefault(s => s.Name == c.Name);
                var old = before.WorldModel.FindConcept(c.Name);
                (c.Bits, c.Weight).Should().Be(set is null ? (old!.Bits, old.Weight) : (set.Bits, set.Weight), "concept {0}", c.Name);
            }

            foreach (var s in loaded.Structures)
            {
                var set = child.Structures?.FirstOrDefault(x => x.Id == s.Id);
                (s.Camera, s.Procedure).Should().Be(set is null ? (before.FindStructure(s.Id)!.Camera, before.FindStructure(s.Id)!.Procedure) : (set.Camera, set.Procedure), "structure {0}", s.Id);
            }

            loaded.Name.Should().Be(child.Name, "a name is never inherited");
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void RemoveStructures_removes_exactly_the_named_structures_and_keeps_the_order_of_the_others()
    {
        Gen.Int.Sample(seed =>
        {
            var parent = ScenarioSpecs.Full(seed);
            var child = ScenarioSpecs.Child(seed, parent, "parent.yaml", generation: 1, remove: true) with { Structures = null };
            var removed = new Random(seed).Next(parent.Structures!.Value.Length);
            child = child with { Remove = [.. parent.Structures!.Value.Select(s => s.Id).Where((_, i) => i != removed && ((seed >> i) & 1) == 1)] };
            var folder = Folder();
            Write(folder, "parent.yaml", ScenarioSpecs.Yaml(parent));
            var childPath = Write(folder, "child.yaml", ScenarioSpecs.Yaml(child));

            var loaded = ScenarioLoader.Load(childPath);

            loaded.Structures.Select(s => s.Id).Should().Equal(parent.Structures!.Value.Select(s => s.Id).Where(id => !child.Remove.Contains(id)));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_chain_of_three_files_loads_the_same_however_its_merges_are_grouped()
    {
        Gen.Int.Sample(seed =>
        {
            // a <- b <- c, as files; (a+b) <- c with a+b written out whole; a <- (b+c) with b+c written as one extending
            // file; and a+b+c written out whole.
            var a = ScenarioSpecs.Full(seed);
            var b = ScenarioSpecs.Child(seed, a, "a.yaml", generation: 1, remove: true);
            var ab = ScenarioSpecs.Merge(a, b);
            var c = ScenarioSpecs.Child(seed ^ 0x7777, ab, "b.yaml", generation: 2, remove: true, keep: (b.Structures?.Select(s => s.Id) ?? []).ToHashSet());
            var folder = Folder();
            Write(folder, "a.yaml", ScenarioSpecs.Yaml(a));
            Write(folder, "b.yaml", ScenarioSpecs.Yaml(b));
            Write(folder, "ab.yaml", ScenarioSpecs.Yaml(ab with { Name = "ab" }));
            var chain = ScenarioLoader.Load(Write(folder, "c.yaml", ScenarioSpecs.Yaml(c)));
            var left = ScenarioLoader.Load(Write(folder, "c-of-ab.yaml", ScenarioSpecs.Yaml(c with { Extends = "ab.yaml" })));
            var bc = ScenarioSpecs.Merge(b, c with { Extends = null });
            var right = ScenarioLoader.Load(Write(folder, "bc.yaml", ScenarioSpecs.Yaml(bc)));
            var whole = Load(ScenarioSpecs.Yaml(ScenarioSpecs.Merge(ab, c)));

            var expected = ScenarioSpecs.Content(whole);
            ScenarioSpecs.Content(chain).Should().Be(expected, "a <- b <- c with\n{0}\n{1}\n{2}", ScenarioSpecs.Yaml(a), ScenarioSpecs.Yaml(b), ScenarioSpecs.Yaml(c));
            ScenarioSpecs.Content(left).Should().Be(expected, "(a+b) <- c");
            ScenarioSpecs.Content(right).Should().Be(expected, "a <- (b+c)");
            ScenarioSpecs.ResultText(chain).Should().Be(ScenarioSpecs.ResultText(whole));
        }, iter: Iterations, threads: 1);
    }

    private static Scenario Load(string yaml) => ScenarioLoader.Parse(yaml, "generated.yaml");

    private static Dictionary<string, string> Analysis(Scenario s) => new()
    {
        ["holeCost"] = s.Analysis.HoleCost.ToString().ToLowerInvariant(),
        ["sizeBound"] = s.Analysis.SizeBound.ToString(CultureInfo.InvariantCulture),
        ["simplicityExponent"] = s.Analysis.SimplicityExponent.ToString("R", CultureInfo.InvariantCulture),
        ["speedWeight"] = s.Analysis.SpeedWeight.ToString("R", CultureInfo.InvariantCulture),
        ["dataSize"] = s.Analysis.DataSize.ToString("R", CultureInfo.InvariantCulture),
        ["eliminationThreshold"] = s.Analysis.EliminationThreshold.ToString("R", CultureInfo.InvariantCulture),
    };

    private string Folder() => Directory.CreateDirectory(Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N"))).FullName;

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
