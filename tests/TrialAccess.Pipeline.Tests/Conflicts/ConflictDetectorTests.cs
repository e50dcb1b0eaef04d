using TrialAccess.Pipeline.Conflicts;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;

namespace TrialAccess.Pipeline.Tests.Conflicts;

public class ConflictDetectorTests
{
    [Fact]
    public void Detect_ReviewerFromTheNominatingOrganisation_IsConflicted()
    {
        var project = Builders.Nominated();
        var reviewer = new Person("reviewer-1", "Dr Same Org", Builders.Nominator);

        var conflicts = ConflictDetector.Detect(reviewer, project, Builders.Agent(), []);

        conflicts.Should().ContainSingle().Which.Should().Be(new Conflict(ConflictSource.SameOrganisation, "Works for the nominating organisation."));
    }

    [Fact]
    public void Detect_OriginatorPartnerRelationshipNamedAndDeclared_AreEachFound()
    {
        var project = Builders.Nominated("applicant-1", null, "Prof Named Person");
        project.SetPartners([new Partner(Builders.Partner, 0.5m)]);
        var agent = Builders.Agent();
        var person = new Person("reviewer-2", "Prof Named Person", Builders.Originator);
        person.Declare(new DeclaredRelationship(Builders.Partner, RelationshipKind.Consultancy, new DateOnly(2023, 1, 1)));
        var declared = DeclaredConflict.Declare(Guid.NewGuid(), project.Id, "reviewer-2", "Co-author of the applicant", Builders.Submitted).Value!;

        var conflicts = ConflictDetector.Detect(person, project, agent, [declared]);

        conflicts.Select(c => c.Source).Should().BeEquivalentTo(
            [ConflictSource.Declared, ConflictSource.SameOrganisation, ConflictSource.DeclaredRelationship, ConflictSource.NamedInNomination]);
        conflicts.Single(c => c.Source == ConflictSource.DeclaredRelationship).Description.Should().Be("Consultancy with the partner organisation since 2023-01-01.");
    }

    [Fact]
    public void Detect_UnrelatedReviewer_HasNoConflict()
    {
        var project = Builders.Nominated();
        var reviewer = new Person("reviewer-3", "Dr Elsewhere", Guid.NewGuid());

        ConflictDetector.Detect(reviewer, project, Builders.Agent(), []).Should().BeEmpty();
    }

    [Fact]
    public void Override_OnlyTheChairAndNeverTheirOwn()
    {
        var project = Builders.Nominated();
        var conflicts = new[] { new Conflict(ConflictSource.SameOrganisation, "x") };

        ConflictOverride.Grant(Guid.NewGuid(), project.Id, "reviewer-1", "secretariat-1", grantorIsChair: false, false, conflicts, "minor", Builders.Submitted).Refusal!.Code.Should().Be("override.not-chair");
        ConflictOverride.Grant(Guid.NewGuid(), project.Id, "chair-1", "chair-1", true, false, conflicts, "minor", Builders.Submitted).Refusal!.Code.Should().Be("override.own");
        ConflictOverride.Grant(Guid.NewGuid(), project.Id, "reviewer-1", "chair-1", true, false, [], "minor", Builders.Submitted).Refusal!.Code.Should().Be("override.none");
        var granted = ConflictOverride.Grant(Guid.NewGuid(), project.Id, "reviewer-1", "chair-1", true, false, conflicts, "Left the organisation in 2019", Builders.Submitted).Value!;

        ConflictDetector.Stands(conflicts, [granted], project.Id, "reviewer-1").Should().BeFalse();
        ConflictDetector.Stands(conflicts, [granted], project.Id, "reviewer-9").Should().BeTrue();
    }
}
