namespace Actors.Api.Authorization;

/// <summary>
/// How far a role reaches with an operation or a field of personal data. The API refuses NONE outright; the other
/// scopes are narrowed where the state is held (a request's grain, the request index, a fund's grain), which is the
/// second enforcement.
/// </summary>
public enum AccessScope
{
    /// <summary>Refused: UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a role.</summary>
    None,

    /// <summary>The caller's own requests (a citizen's, or the pupils' an education officer submitted).</summary>
    Own,

    /// <summary>The requests and objects of the caller's center (an agent's token names it).</summary>
    Center,

    /// <summary>The caller's governorate (a supervisor's token names it).</summary>
    Governorate,

    /// <summary>Everything of that kind, country-wide.</summary>
    All,
}
