namespace Actors.Contracts.ReadModels;

public enum SortKeyKind
{
    /// <summary>A non-negative whole number (timestamps as UTC ticks, amounts as millimes) written with 19 digits.</summary>
    Number,

    /// <summary>Text compared by code point, as PostgreSQL's "C" collation does.</summary>
    Text,
}
