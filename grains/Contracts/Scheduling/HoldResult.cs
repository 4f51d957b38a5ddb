namespace Actors.Contracts.Scheduling;

public enum HoldResult
{
    Held,
    Full,
    NotBookable,
}
