using GraphQL.Types;

namespace Actors.Api.Scheduling;

/// <summary>Whose entry a special-hours period is.</summary>
public sealed class CalendarScopeType : EnumerationGraphType
{
    public const string Center = "CENTER";
    public const string National = "NATIONAL";

    public CalendarScopeType()
    {
        Name = "CalendarScope";
        Description = "NATIONAL: the national calendar's, for every center; CENTER: the center's own, which wins over a national one on its days.";
        Add(Center, Center, "The center's own entry.");
        Add(National, National, "The national calendar's entry.");
    }
}
