namespace Actors.Tests.Transport;

/// <summary>Stand-in for the domain's governorates, so that GraphiQL's default query works on the test host.</summary>
public sealed record TestGovernorate(string Code, string NameFr, string NameAr);
