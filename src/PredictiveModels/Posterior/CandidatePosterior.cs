using PredictiveModels.Complexity;
using PredictiveModels.Structures;

namespace PredictiveModels.Posterior;

/// <summary>One candidate's place in the simplicity posterior.</summary>
/// <param name="Score">The candidate's description complexity and its breakdown.</param>
/// <param name="Log2Weight"><c>log2 w = -(a K + lambda log2 T + n lossGap)</c>, in bits (at most 0 unless K is negative, which it never is).</param>
/// <param name="Log2Probability"><c>log2 P</c>: the weight normalised over every candidate; at most 0.</param>
public sealed record CandidatePosterior(CandidateScore Score, double Log2Weight, double Log2Probability)
{
    /// <summary>The posterior probability, between 0 and 1 (it may underflow to 0 for candidates thousands of bits behind; <see cref="Log2Probability"/> does not).</summary>
    public double Probability => double.Exp2(Log2Probability);

    /// <summary>The candidate.</summary>
    public Candidate Candidate => Score.Candidate;
}
