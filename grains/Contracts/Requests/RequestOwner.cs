namespace Actors.Contracts.Requests;

/// <summary>
/// Whose a request is: the caller who submitted it for themselves, as the pair (<see cref="Issuer"/>, <see cref="Subject"/>),
/// and the citizen's national ID number when it is known. A walk-in submission made by an agent has no issuer or subject
/// (the citizen never signed in): it belongs to the holder of <see cref="NationalIdNumber"/>, who claims it by signing in
/// with a token that carries that number.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestOwner(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? NationalIdNumber)
{
    public static RequestOwner Of(CitizenRequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.OwnerIssuer, request.OwnerSubject, request.OwnerNationalIdNumber);
    }

    /// <summary>The owner of a walk-in: only the national ID number the civil registry is asked to confirm.</summary>
    public static RequestOwner WalkIn(string? nationalIdNumber) => new("", "", nationalIdNumber);
}
