using Orleans.Concurrency;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// The delivery rounds of one school in one campaign (key <see cref="KeyOf"/>), and which open round holds each card:
/// a card is in at most one open round. Called by the round grains only.
/// </summary>
public interface ISchoolDeliveryBoardGrain : IGrainWithStringKey
{
    public static string KeyOf(Guid campaignId, string schoolCode) => $"{campaignId:N}/{schoolCode}";

    /// <summary>
    /// Gives the round these cards and lists it; returns the cards another open round holds (then nothing changes).
    /// Claiming again for the same round is harmless.
    /// </summary>
    Task<IReadOnlyList<Guid>> Claim(Guid roundId, IReadOnlyList<Guid> requestIds);

    /// <summary>The round is closed: its cards are free for another round. Releasing twice is harmless.</summary>
    Task Release(Guid roundId);

    /// <summary>Per card in an open round, that round.</summary>
    [ReadOnly]
    Task<IReadOnlyDictionary<Guid, Guid>> OpenCards();

    /// <summary>The school's rounds, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Guid>> Rounds();
}
