using Actors.Contracts.Identity;

namespace Actors.Tests.Identity;

public sealed class ActorDescriptionTests
{
    [Fact]
    public void Histories_write_the_role_as_the_schema_spells_it()
    {
        Assert.Equal("FUND_MANAGER:fm-1", new Actor("fm-1", ActorRole.FundManager).Describe());
        Assert.Equal("EDUCATION_OFFICER:eo-1", new Actor("eo-1", ActorRole.EducationOfficer).Describe());
    }

    [Fact]
    public void An_actor_recognises_itself_as_this_release_and_the_previous_one_wrote_it()
    {
        var manager = new Actor("fm-1", ActorRole.FundManager);
        Assert.True(manager.IsDescribedBy("FUND_MANAGER:fm-1"));
        Assert.True(manager.IsDescribedBy("FUNDMANAGER:fm-1"));
        Assert.False(manager.IsDescribedBy("FUND_MANAGER:fm-2"));
        Assert.False(manager.IsDescribedBy("ANALYST:fm-1"));
        Assert.False(manager.IsDescribedBy(null));
    }
}
