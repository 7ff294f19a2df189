// Prints the quantities of docs/model.md that no CLI command shows: the grammar of a world
// model (alternatives and total weight per type), every symbol's selection and intrinsic bits,
// the default acquisition schedule, and the inside algorithm's truncated masses.
// Build first (dotnet build PredictiveModels.sln), then, from the repository root:
//   dotnet fsi docs/scripts/world-model.fsx [scenario.yaml]
// Without an argument it uses the embedded default scenario.
#r "../../src/PredictiveModels.Cli/bin/Debug/net10.0/YamlDotNet.dll"
#r "../../src/PredictiveModels.Cli/bin/Debug/net10.0/PredictiveModels.dll"

open System
open PredictiveModels.Complexity
open PredictiveModels.Expressions
open PredictiveModels.Scenarios
open PredictiveModels.WorldModels

let scenario =
    match fsi.CommandLineArgs |> Array.tail with
    | [| path |] -> ScenarioLoader.Load path
    | _ -> Scenario.Default
let world = scenario.WorldModel
let f (x: float) = x.ToString("0.0000", Globalization.CultureInfo.InvariantCulture)
let g (x: float) = x.ToString("G4", Globalization.CultureInfo.InvariantCulture)

printfn "## Grammar: alternatives per type (scenario '%s')" scenario.Name
for t in Enum.GetValues<ModelType>() do
    let alternatives = world.Alternatives t
    let literal = if t = ModelType.Nat then world.LiteralWeight else 0.0
    let total = (alternatives |> Seq.sumBy (fun s -> s.Weight)) + literal
    printfn "%-10O %2d alternatives%s, total weight %s" t (alternatives.Length + (if literal > 0.0 then 1 else 0)) (if literal > 0.0 then " (with the literal production)" else "") (f total)

printfn "\n## Symbols: weight, selection bits -log2(weight/total), intrinsic bits, acquired at"
for s in world.Symbols do
    match s with
    | :? Concept as c ->
        printfn "%-24s %-10O weight %-8g select %8s  intrinsic %9s  acquired at %9s" s.Name s.ResultType s.Weight (f (world.SelectionBits s)) (f (world.IntrinsicBits c)) (f (world.AcquisitionBits c))
    | _ -> printfn "%-24s %-10O weight %-8g select %8s  (built-in)" s.Name s.ResultType s.Weight (f (world.SelectionBits s))
printfn "literal production        Nat        weight %-8g select %8s" world.LiteralWeight (f world.LiteralSelectionBits)
printfn "world model total intrinsic bits: %s" (f world.TotalBits)

printfn "\n## Inside algorithm (pointer lengths): log2 of the truncated mass of each type, by size bound S"
let bounds = [ 1; 2; 3; 4; 6; 8; 12; 24 ]
printfn "%-10s %s   upper bound (log2)" "type" (bounds |> List.map (sprintf "%12d") |> String.concat "")
for t in Enum.GetValues<ModelType>() do
    let masses = bounds |> List.map (fun s -> DescriptionLengths(world, s).Log2TypeMass(t, CostMode.Pointer))
    let upper = DescriptionLengths(world, 12).ClassMass(Hole("x", t), CostMode.Pointer).Log2MassUpperBound
    printfn "%-10O %s   %s" t (masses |> List.map (fun m -> sprintf "%12s" (g m)) |> String.concat "") (g upper)

printfn "\n## Cheapest expression of each type (pointer lengths)"
for t in Enum.GetValues<ModelType>() do
    try
        let struct (e, bits) = DescriptionLengths(world).Cheapest(t, CostMode.Pointer)
        printfn "%-10O %-40O %s bits" t e (f bits)
    with :? PredictiveModels.Diagnostics.ModelException as ex -> printfn "%-10O none: %s" t ex.Message

printfn "\n## Built-in combinators: signature, weight in this world model, runtime formula"
for b in world.BuiltIns do
    printfn "%-52s weight %-4g %s" b.Signature b.Weight (if b.RuntimeFormula = "" then "-" else b.RuntimeFormula)
