namespace Actors.Contracts.Campaigns;

public enum EnrolmentImportStatus
{
    Running,
    Completed,
    Failed,
}
