using Microsoft.EntityFrameworkCore;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Conflicts;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Organisations;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Trials;
using TrialAccess.Web.Accounts;
using ReviewRecord = TrialAccess.Pipeline.Review.Review;

namespace TrialAccess.Web.Pipeline.Demo;

/// <summary>A demo account and its password (printed once by <c>pipeline seed-demo</c>).</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string Password, string? Organisation);

/// <summary>What seeding made.</summary>
public sealed record DemoSeed(IReadOnlyList<DemoAccount> Accounts, int Projects, int Reviews, int Meetings);

/// <summary>
/// A fictional portfolio for demonstrations and tests: 30 agents with invented names across every stage (some
/// stopped, three handed over, two on the market), internal assessments and external reviews, past committee
/// meetings with minutes and an upcoming one with a recused member, a reviewer whose organisation nominated one of
/// the agents (conflicted), and an account for each role. Dates are laid out backwards from today with a fixed
/// random seed, so the shape is the same every time. Nothing here is a real agent, organisation or person.
/// </summary>
public static class PipelineDemo
{
    private static readonly StageCatalog Stages = StageCatalog.Default;

    private static readonly (string Name, Modality Modality, string Target, string Mechanism)[] Agents =
    [
        ("Veltorasib", Modality.SmallMolecule, "KRAS G12D", "Covalent KRAS inhibitor"),
        ("Cardanumab", Modality.Antibody, "CD47", "Blocks the don't-eat-me signal"),
        ("Lumetrexin", Modality.SmallMolecule, "DHODH", "Pyrimidine synthesis inhibitor"),
        ("Orvatide", Modality.Peptide, "SSTR2", "Somatostatin receptor agonist"),
        ("Zenlimab", Modality.Antibody, "TIGIT", "Immune checkpoint blockade"),
        ("Parsetinib", Modality.SmallMolecule, "WEE1", "Cell-cycle checkpoint inhibitor"),
        ("Tivacabtagene", Modality.CellTherapy, "GPC3", "CAR-T cells"),
        ("Rhenolutin", Modality.Radiopharmaceutical, "PSMA", "Targeted radioligand"),
        ("Dostaraxin", Modality.AntibodyDrugConjugate, "TROP2", "Topoisomerase-I payload"),
        ("Quilparib", Modality.SmallMolecule, "PARP1", "Selective PARP1 trapping"),
        ("Amberosen", Modality.Oligonucleotide, "MYC", "Antisense knock-down"),
        ("Feltuzumab", Modality.Antibody, "CLDN18.2", "ADCC-enhanced antibody"),
        ("Nerabrutin", Modality.SmallMolecule, "BTK C481S", "Non-covalent BTK inhibitor"),
        ("Solvadecan", Modality.AntibodyDrugConjugate, "B7-H3", "Exatecan payload"),
        ("Marivectin", Modality.Vaccine, "Neoantigens", "Personalised mRNA vaccine"),
        ("Ulpretinib", Modality.SmallMolecule, "RET", "Selective RET inhibitor"),
        ("Kestrolimab", Modality.Antibody, "LAG-3", "Checkpoint blockade"),
        ("Halvorasib", Modality.SmallMolecule, "SHP2", "Allosteric phosphatase inhibitor"),
        ("Bexagenleucel", Modality.GeneTherapy, "TP53", "Oncolytic vector restoring p53"),
        ("Ostradine", Modality.SmallMolecule, "ATR", "DNA damage response inhibitor"),
        ("Prenumab", Modality.Antibody, "HER3", "Receptor blockade"),
        ("Icosatinib", Modality.SmallMolecule, "FGFR2", "Covalent FGFR inhibitor"),
        ("Varentide", Modality.Peptide, "MDM2", "Stapled peptide, p53 reactivation"),
        ("Tolmazumab", Modality.Antibody, "CCR8", "Regulatory T-cell depletion"),
        ("Gilvoxan", Modality.SmallMolecule, "PRMT5", "MTA-cooperative inhibitor"),
        ("Sorafemab", Modality.AntibodyDrugConjugate, "Nectin-4", "MMAE payload"),
        ("Elbrasertib", Modality.SmallMolecule, "AURKA", "Aurora kinase inhibitor"),
        ("Cortuvimab", Modality.Antibody, "DLL3", "T-cell engager"),
        ("Phaleronib", Modality.SmallMolecule, "KAT6A", "Epigenetic acetyltransferase inhibitor"),
        ("Ramsolutin", Modality.Radiopharmaceutical, "FAP", "Alpha-emitter radioligand"),
    ];

    /// <summary>Where each of the 30 agents is now: its stage, whether stopped there, and whether it entered without a nomination.</summary>
    private static readonly (string Stage, bool Stopped, bool EnteredLater)[] Plan =
    [
        ("nomination", false, false), ("nomination", false, false),
        ("internal-assessment", false, false), ("internal-assessment", false, false),
        ("external-review", false, false), ("external-review", false, false),
        ("decision", false, false), ("decision", false, false),
        ("preclinical", false, false), ("preclinical", false, false), ("preclinical", false, false), ("preclinical", false, true),
        ("regulatory-submission", false, false), ("regulatory-submission", false, false),
        ("phase-1", false, false), ("phase-1", false, false), ("phase-1", false, false), ("phase-1", false, false), ("phase-1", false, true), ("phase-1", false, true),
        ("phase-2", false, false), ("phase-2", false, false), ("phase-2", false, false), ("phase-2", false, false),
        ("hand-over", false, false), ("hand-over", false, false), ("hand-over", false, false),
        ("internal-assessment", true, false), ("decision", true, false), ("phase-1", true, false),
    ];

    private static readonly string[] StopReasons = ["Insufficient in vivo efficacy", "Committee: target not sufficiently validated", "Dose-limiting toxicity at sub-therapeutic exposure"];

    /// <summary>Seeds the demo portfolio; refused (null) when the database already holds projects.</summary>
    /// <param name="password">One password for every demo account, or null to generate one per account.</param>
    public static async Task<DemoSeed?> SeedAsync(IServiceProvider services, string? password, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        if (await store.Projects.AnyAsync(cancellationToken))
        {
            return null;
        }

        store.Actor = "seed-demo";
        store.Action = "demo.seed";
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var random = new Random(14);

        var centre = Org("Centre for Drug Development (demo)", OrganisationKind.Centre);
        var northbridge = Org("University of Northbridge (demo)", OrganisationKind.University);
        var organisations = new[]
        {
            centre, northbridge,
            Org("Eastfield Institute of Cancer Research (demo)", OrganisationKind.University),
            Org("University of Westmoor (demo)", OrganisationKind.University),
            Org("Helix Biotherapeutics (demo)", OrganisationKind.Biotech),
            Org("Quantara Oncology (demo)", OrganisationKind.Biotech),
            Org("Brightwater Bio (demo)", OrganisationKind.Biotech),
            Org("Meridian Pharma (demo)", OrganisationKind.Pharma),
            Org("Calloway Therapeutics (demo)", OrganisationKind.Pharma),
        };
        var helix = organisations[4];
        var meridian = organisations[7];
        store.Organisations.AddRange(organisations);

        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var made = new List<DemoAccount>();
        var ids = new Dictionary<string, string>();
        async Task AccountAsync(string userName, string displayName, string role, Organisation? affiliation)
        {
            var creation = await accounts.CreateAsync(new NewAccount(userName, displayName, null, password, [role]), cancellationToken);
            if (!creation.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo account {userName}: {string.Join(" ", creation.Errors.SelectMany(e => e.Value))}");
            }

            ids[userName] = creation.User!.Id;
            made.Add(new DemoAccount(userName, displayName, role, creation.Password!, affiliation?.Name));
            store.People.Add(new Person(creation.User.Id, displayName, affiliation?.Id));
        }

        await AccountAsync("admin", "Demo Administrator", Roles.Administrator, centre);
        await AccountAsync("secretariat", "Sam Secretariat", Roles.Secretariat, centre);
        await AccountAsync("chair", "Prof Chris Chair", Roles.Chair, organisations[2]);
        await AccountAsync("committee-1", "Dr Morgan Member", Roles.CommitteeMember, organisations[3]);
        await AccountAsync("committee-2", "Dr Nico Northbridge", Roles.CommitteeMember, northbridge);
        await AccountAsync("assessor", "Dr Alex Assessor", Roles.Assessor, centre);
        await AccountAsync("reviewer-1", "Prof Robin Reviewer", Roles.Reviewer, organisations[3]);
        await AccountAsync("reviewer-2", "Dr Riley Reviewer", Roles.Reviewer, organisations[8]);
        await AccountAsync("reviewer-north", "Dr Noor North", Roles.Reviewer, northbridge);
        await AccountAsync("partner", "Pat Partner", Roles.PartnerOrganisation, helix);
        await AccountAsync("applicant", "Dr Ana Applicant", Roles.Applicant, northbridge);

        var nominators = new[] { northbridge, organisations[2], organisations[3], helix, organisations[5], organisations[6] };
        var projects = new List<DevelopmentProject>();
        var decisions = new List<GateDecision>();
        var rounds = new List<ReviewRound>();
        var assignments = new List<ReviewAssignment>();
        var reviews = new List<ReviewRecord>();
        var meetings = new Dictionary<DateOnly, CommitteeMeeting>();
        var nextTrial = 1;

        CommitteeMeeting MeetingFor(DateOnly on)
        {
            var quarter = new DateOnly(on.Year, ((on.Month - 1) / 3 * 3) + 2, 10);
            if (!meetings.TryGetValue(quarter, out var meeting))
            {
                meeting = CommitteeMeeting.Schedule(Guid.NewGuid(), $"New Agents Committee {quarter:yyyy-MM}", quarter,
                    [new Attendee(ids["chair"], MeetingRole.Chair, null), new Attendee(ids["committee-1"], MeetingRole.Member, null), new Attendee(ids["secretariat"], MeetingRole.Secretariat, null)]).Value!;
                meetings[quarter] = meeting;
            }

            return meeting;
        }

        for (var i = 0; i < Plan.Length; i++)
        {
            var (stageCode, stopped, enteredLater) = Plan[i];
            var (name, modality, target, mechanism) = Agents[i];
            var target_ = Stages.Get(stageCode);
            var nominator = i == 4 ? northbridge : nominators[i % nominators.Length];
            var agent = Agent.Create(Guid.NewGuid(), name, $"DM-{i + 1:000}", modality, target, mechanism, nominator.Id, i % 3 == 0 ? "Composition of matter granted" : "Patent application filed").Value!;
            store.Agents.Add(agent);
            var steps = Enumerable.Range(0, target_.Order + 1).Select(_ => random.Next(45, 160)).ToList();
            var start = today.AddDays(-steps.Sum() - random.Next(5, 40));
            DevelopmentProject project;
            if (enteredLater)
            {
                project = DevelopmentProject.EnterAt(Guid.NewGuid(), $"CDD-{i + 1:0000}", agent.Id, $"{name} in {Indication(i)}", [Indication(i)], target_, start.AddDays(steps.Sum()), centre.Id, Confidentiality.Portfolio).Value!;
            }
            else
            {
                var applicant = nominator == northbridge ? ids["applicant"] : nominator == helix ? ids["partner"] : ids["secretariat"];
                var named = i == 4 ? new[] { "Prof Ida Inventor" } : [];
                project = DevelopmentProject.Nominate(Guid.NewGuid(), $"CDD-{i + 1:0000}", agent.Id, $"{name} in {Indication(i)}", [Indication(i)],
                    new Nomination(nominator.Id, applicant, nominator.Kind == OrganisationKind.University ? NominationSource.Academic : NominationSource.Biotech,
                        new DateTimeOffset(start.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), $"Data package for {name}: {mechanism.ToLowerInvariant()} against {target}; in vitro and in vivo efficacy, preliminary toxicology.", named), Stages).Value!;
                var on = start;
                for (var step = 0; project.CurrentStage != stageCode; step++)
                {
                    on = on.AddDays(steps[step]);
                    var stage = Stages.Get(project.CurrentStage);
                    var meeting = stage.ExitGate?.RequiresMeeting == true ? MeetingFor(on) : null;
                    if (meeting is not null && meeting.Agenda.All(a => a.ProjectId != project.Id))
                    {
                        meeting.AddToAgenda(project.Id, "Applicant", []);
                    }

                    AddReviews(project, stage, on, full: true);
                    var decision = Decide(project, stage, GateOutcome.Go, meeting?.Id, ids[meeting is null ? "secretariat" : "chair"], on, "Criteria met; see the checklist.");
                    decisions.Add(decision);
                    project.ApplyDecision(decision, on);
                    if (stage.Code == "decision")
                    {
                        project.AssignSponsor(centre.Id);
                        project.SetPartners([new Partner(nominator.Id, 0.2m)]);
                        project.RecordAgreement(new Agreement(Guid.NewGuid(), AgreementKind.Collaboration, nominator.Id, on.AddDays(20), "Collaboration and licence to develop the agent"));
                    }
                }

                if (Stages.Get(stageCode).Order >= Stages.Get("preclinical").Order)
                {
                    project.ChangeConfidentiality(Confidentiality.Portfolio);
                }

                AddReviews(project, Stages.Get(stageCode), today, full: stopped || i == 4);
                if (stopped)
                {
                    var stage = Stages.Get(stageCode);
                    var when = today.AddDays(-random.Next(20, 200));
                    var meeting = stage.ExitGate?.RequiresMeeting == true ? MeetingFor(when) : null;
                    meeting?.AddToAgenda(project.Id, "Applicant", []);
                    var noGo = Decide(project, stage, GateOutcome.NoGo, meeting?.Id, ids[meeting is null ? "secretariat" : "chair"], when, StopReasons[decisions.Count % StopReasons.Length]);
                    decisions.Add(noGo);
                    project.ApplyDecision(noGo, when);
                }
            }

            if (Stages.Get(project.CurrentStage).IsClinical || project.CurrentStage == "hand-over")
            {
                var trialStage = project.CurrentStage == "hand-over" ? null : project.CurrentStage;
                if (trialStage is not null && nextTrial <= 16)
                {
                    project.LinkTrial(NctId.Parse($"NCT99{nextTrial++:000000}"), Stages, today.AddDays(-random.Next(10, 90)));
                }
            }

            if (project.CurrentStage == "hand-over")
            {
                project.RecordAgreement(new Agreement(Guid.NewGuid(), AgreementKind.OutLicence, (i % 2 == 0 ? meridian : organisations[8]).Id, project.StageHistory[^1].EnteredOn, "Out-licence for late-phase development"));
                if (i != 26)
                {
                    project.RecordMarketApproval(project.StageHistory[^1].EnteredOn.AddDays(random.Next(400, 900)) is var approved && approved <= today ? approved : today, Stages);
                }
            }

            projects.Add(project);
        }

        // The upcoming meeting: the two projects awaiting the committee, a Northbridge member recused from Northbridge's item.
        var upcoming = CommitteeMeeting.Schedule(Guid.NewGuid(), "New Agents Committee (next)", today.AddDays(30),
            [new Attendee(ids["chair"], MeetingRole.Chair, null), new Attendee(ids["committee-1"], MeetingRole.Member, null), new Attendee(ids["committee-2"], MeetingRole.Member, null), new Attendee(ids["secretariat"], MeetingRole.Secretariat, null)]).Value!;
        foreach (var waiting in projects.Where(p => p.CurrentStage == "decision" && p.Status == ProjectStatus.Active))
        {
            var northbridgeItem = waiting.Nomination?.NominatingOrganisationId == northbridge.Id;
            upcoming.AddToAgenda(waiting.Id, "Applicant", northbridgeItem ? [ids["committee-2"]] : []);
        }

        foreach (var meeting in meetings.Values)
        {
            meeting.RecordAttendance(meeting.Attendees.Select(a => a.UserId).ToList());
            foreach (var item in meeting.Agenda)
            {
                meeting.RecordMinutes(item.ProjectId, "Presented by the applicant; the committee discussed the data package and the reviews and decided as recorded.", ids["secretariat"], clock.GetUtcNow());
            }
        }

        // A reviewer declared a conflict on one project (co-author of the applicant).
        var declared = DeclaredConflict.Declare(Guid.NewGuid(), projects[6].Id, ids["reviewer-2"], "Co-author with the applicant in the last three years", clock.GetUtcNow()).Value!;

        store.Projects.AddRange(projects);
        store.GateDecisions.AddRange(decisions);
        store.Rounds.AddRange(rounds);
        store.Assignments.AddRange(assignments);
        store.Reviews.AddRange(reviews);
        store.Meetings.AddRange(meetings.Values);
        store.Meetings.Add(upcoming);
        store.DeclaredConflicts.Add(declared);
        await store.SaveChangesAsync(cancellationToken);
        return new DemoSeed(made, projects.Count, reviews.Count, meetings.Count + 1);

        void AddReviews(DevelopmentProject project, StageDefinition stage, DateOnly on, bool full)
        {
            var kind = stage.Code switch
            {
                "internal-assessment" => RoundKind.InternalAssessment,
                "external-review" => RoundKind.ExternalReview,
                _ => (RoundKind?)null,
            };
            if (kind is null)
            {
                return;
            }

            var at = new DateTimeOffset(on.AddDays(-10).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var round = ReviewRound.Open(Guid.NewGuid(), project.Id, kind.Value, ReviewForm.For(kind.Value), kind == RoundKind.ExternalReview, at.AddDays(-30));
            rounds.Add(round);
            var reviewers = kind == RoundKind.InternalAssessment
                ? new[] { ("assessor", AssignmentType.Assessor) }
                : [("reviewer-1", AssignmentType.Primary), ("reviewer-2", AssignmentType.External)];
            foreach (var (index, (who, type)) in reviewers.Index())
            {
                var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, ids[who], type, false, ids["secretariat"], at.AddDays(-29)).Value!;
                assignments.Add(assignment);
                if (!full && index > 0)
                {
                    continue;
                }

                var review = ReviewRecord.Start(Guid.NewGuid(), assignment);
                review.Edit(round.Form, round.Form.Criteria.Select(c => new CriterionScore(c.Key, c.Scale == Scale.YesNo ? 1 : c.Scale.LowerIsBetter ? random.Next(1, 4) : random.Next(3, 6))).ToList(),
                    "Convincing rationale; the proposed first-in-human design is appropriate.");
                if (full)
                {
                    review.Submit(round, at);
                }

                reviews.Add(review);
            }

            if (full)
            {
                round.Close();
            }
        }
    }

    private static string Indication(int i) => new[]
    {
        "non-small cell lung cancer", "pancreatic cancer", "acute myeloid leukaemia", "neuroendocrine tumours", "melanoma", "ovarian cancer",
        "hepatocellular carcinoma", "prostate cancer", "triple-negative breast cancer", "colorectal cancer",
    }[i % 10];

    private static Organisation Org(string name, OrganisationKind kind) => new(Guid.NewGuid(), name, kind);

    private static GateDecision Decide(DevelopmentProject project, StageDefinition stage, GateOutcome outcome, Guid? meetingId, string decidedBy, DateOnly on, string rationale) =>
        GateDecision.Take(Guid.NewGuid(), project.Id, stage, Stages.Next(stage.Code), outcome,
            (stage.ExitGate?.Criteria ?? []).Select(c => new CriterionCheck(c, outcome == GateOutcome.NoGo ? CriterionResult.NotMet : CriterionResult.Met, "Demo evidence")).ToList(),
            [decidedBy], meetingId, [], rationale, null, new DateTimeOffset(on.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero)).Value
        ?? throw new InvalidOperationException($"Demo decision refused at {stage.Code}.");
}
