namespace OrleansEvaluator.Core.Metrics;

/// <summary>Judge-human agreement in FastChat's two conventions.</summary>
/// <param name="WithTies">Every labelled item with a decision; a tie matches only a tie.</param>
/// <param name="WithoutTies">Only items where neither the judge nor the human says tie.</param>
/// <param name="ItemsWithoutDecision">Labelled items the judge has no decision for, left out of both.</param>
public sealed record HumanAgreementReport(AgreementRate WithTies, AgreementRate WithoutTies, int ItemsWithoutDecision);
