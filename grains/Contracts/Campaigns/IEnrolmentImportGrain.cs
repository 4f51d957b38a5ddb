using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Campaigns;

/// <summary>One enrolment import (key: the import id), written by the endpoint that reads the file, read back by the officer.</summary>
public interface IEnrolmentImportGrain : IGrainWithGuidKey
{
    public const int RejectionsKept = 1000;

    Task<EnrolmentImportView> Start(Guid campaignId, Actor actor);

    /// <summary>Adds one batch's outcome; rowsRead is the file's data rows read so far.</summary>
    Task Record(int rowsRead, EnrolmentBatchResult batch);

    /// <summary>Completed, or Failed with why (e.g. the connection dropped): the rows already recorded stay enrolled.</summary>
    Task<EnrolmentImportView> Finish(string? failure);

    [ReadOnly]
    Task<EnrolmentImportView?> Find();
}
