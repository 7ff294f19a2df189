namespace PredictiveModels.Dynamics;

/// <summary>
/// The generator <c>Q</c> of the chain in compressed form, arranged for the row-vector product
/// <c>p Q</c>: for each configuration <c>j</c>, the sources <c>i</c> and rates <c>q_ij</c> of the
/// moves into it, and its total exit rate <c>-q_jj</c>.
/// </summary>
internal sealed class Generator(int[] rowStart, int[] sources, double[] rates, double[] exit)
{
    public int Count => exit.Length;

    public int NonZeros => sources.Length;

    public double MaxExitRate => exit.Length == 0 ? 0 : exit.Max();

    public int[] RowStart => rowStart;

    public int[] Sources => sources;

    public double[] Rates => rates;

    public double[] Exit => exit;

    /// <summary>result = p (I + Q / lambda): one step of the uniformized chain.</summary>
    public void UniformizedStep(ReadOnlySpan<double> p, Span<double> result, double lambda)
    {
        for (var j = 0; j < exit.Length; j++)
        {
            var inflow = 0.0;
            for (var e = rowStart[j]; e < rowStart[j + 1]; e++)
            {
                inflow += p[sources[e]] * rates[e];
            }

            result[j] = (p[j] * (1 - (exit[j] / lambda))) + (inflow / lambda);
        }
    }
}
