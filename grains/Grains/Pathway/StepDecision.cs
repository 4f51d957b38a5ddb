using Actors.Contracts.Identity;
using Actors.Contracts.Requests;

namespace Actors.Grains.Pathway;

/// <summary>The step the outside systems' answers call for, and who takes it (the system that answered).</summary>
public sealed record StepDecision(
    Actor Actor,
    RequestAction Action,
    string? Reason = null,
    CorrectionCode? Code = null,
    string? Field = null);
