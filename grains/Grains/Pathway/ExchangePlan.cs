using Actors.Contracts.Interop;

namespace Actors.Grains.Pathway;

/// <summary>What an exchange is for, before it happens: the system, the purpose, the names of the data items sent.</summary>
public sealed record ExchangePlan(OutsideSystem System, string Purpose, IReadOnlyList<string> DataItems, int Attempt, string TriggeredBy);
