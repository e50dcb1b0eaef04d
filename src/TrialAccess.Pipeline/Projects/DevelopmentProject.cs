using TrialAccess.Pipeline.Common;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Trials;

namespace TrialAccess.Pipeline.Projects;

/// <summary>
/// A development project: one agent taken through the stages for some indications, by a sponsor with partners. It
/// starts as a nomination or enters at any later stage, and moves only through gate decisions
/// (<see cref="ApplyDecision"/>); agreements, linked trials and market approval are events on it.
/// </summary>
public sealed class DevelopmentProject
{
    // Not readonly: the store sets these collections when it reads the record.
    private List<string> _indications = [];
    private List<Partner> _partners = [];
    private List<StageEntry> _stages = [];
    private List<Agreement> _agreements = [];
    private List<LinkedTrial> _trials = [];
    private List<Attachment> _attachments = [];

    private DevelopmentProject()
    {
        Code = "";
        Title = "";
        CurrentStage = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The centre's reference (for example <c>CDD-0042</c>).</summary>
    public string Code { get; private set; }

    public Guid AgentId { get; private set; }

    public string Title { get; private set; }

    public IReadOnlyList<string> Indications => _indications;

    /// <summary>The sponsor of the trials (the centre, once approved).</summary>
    public Guid? SponsorId { get; private set; }

    public IReadOnlyList<Partner> Partners => _partners;

    public Confidentiality Confidentiality { get; private set; }

    /// <summary>The intake record, for a project that started as a nomination; null for one that entered later.</summary>
    public Nomination? Nomination { get; private set; }

    /// <summary>The stage the project is in now (its code).</summary>
    public string CurrentStage { get; private set; }

    /// <summary>The stage it entered the pipeline at.</summary>
    public string EnteredAtStage { get; private set; } = "";

    public ProjectStatus Status { get; private set; }

    public IReadOnlyList<StageEntry> StageHistory => _stages;

    public IReadOnlyList<Agreement> Agreements => _agreements;

    public IReadOnlyList<LinkedTrial> Trials => _trials;

    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>When the agent reached the market (first marketing authorisation), if it did.</summary>
    public DateOnly? MarketApprovalOn { get; private set; }

    /// <summary>A partner organisation or applicant submits a nomination: the project starts at the first stage, confidential.</summary>
    public static Result<DevelopmentProject> Nominate(Guid id, string code, Guid agentId, string title, IReadOnlyList<string> indications, Nomination nomination, StageCatalog stages)
    {
        if (string.IsNullOrWhiteSpace(nomination.Summary))
        {
            return Result<DevelopmentProject>.Refuse("nomination.summary", "A nomination needs a summary of the data package.");
        }

        var project = Create(id, code, agentId, title, indications, stages.First, DateOnly.FromDateTime(nomination.SubmittedAt.UtcDateTime), Confidentiality.Confidential);
        if (project.Value is { } created)
        {
            created.Nomination = nomination;
        }

        return project;
    }

    /// <summary>A project that enters at <paramref name="stage"/> (an agent in-licensed into Phase I, say), without a nomination.</summary>
    public static Result<DevelopmentProject> EnterAt(Guid id, string code, Guid agentId, string title, IReadOnlyList<string> indications, StageDefinition stage, DateOnly on, Guid? sponsorId, Confidentiality confidentiality)
    {
        var project = Create(id, code, agentId, title, indications, stage, on, confidentiality);
        if (project.Value is { } created)
        {
            created.SponsorId = sponsorId;
        }

        return project;
    }

    private static Result<DevelopmentProject> Create(Guid id, string code, Guid agentId, string title, IReadOnlyList<string> indications, StageDefinition stage, DateOnly on, Confidentiality confidentiality)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Result<DevelopmentProject>.Refuse("project.code", "A project needs a code.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return Result<DevelopmentProject>.Refuse("project.title", "A project needs a title.");
        }

        if (indications.Count == 0 || indications.Any(string.IsNullOrWhiteSpace))
        {
            return Result<DevelopmentProject>.Refuse("project.indications", "A project needs at least one indication.");
        }

        var project = new DevelopmentProject
        {
            Id = id,
            Code = code.Trim(),
            AgentId = agentId,
            Title = title.Trim(),
            CurrentStage = stage.Code,
            EnteredAtStage = stage.Code,
            Status = stage.Category == StageCategory.Commercial ? ProjectStatus.HandedOver : ProjectStatus.Active,
            Confidentiality = confidentiality,
        };
        project._indications.AddRange(indications.Select(i => i.Trim()));
        project._stages.Add(new StageEntry(stage.Code, on, null, null, null, null));
        return Result<DevelopmentProject>.Ok(project);
    }

    /// <summary>
    /// Applies a gate decision taken on the current stage: Go and Conditional move to the decision's next stage, No-go
    /// stops the project, Hold pauses it, More information leaves it where it is. Refused when the decision is for
    /// another project or stage, or the project is stopped or handed over; a stopped project moves again only by a
    /// decision that supersedes the one that stopped it.
    /// </summary>
    public Refusal? ApplyDecision(GateDecision decision, DateOnly on)
    {
        if (decision.ProjectId != Id)
        {
            return new Refusal("gate.project", "The decision is for another project.");
        }

        if (decision.FromStage != CurrentStage)
        {
            return new Refusal("gate.stage", $"The project is in '{CurrentStage}', not '{decision.FromStage}'.");
        }

        if (Status == ProjectStatus.HandedOver)
        {
            return new Refusal("project.handed-over", "The project has been handed over; no gate is left.");
        }

        if (Status == ProjectStatus.Stopped)
        {
            var stoppedBy = _stages[^1].DecisionId;
            if (decision.SupersedesId is null || decision.SupersedesId != stoppedBy)
            {
                return new Refusal("project.stopped", "The project was stopped; only a decision that supersedes the No-go can move it again.");
            }

            _stages[^1] = _stages[^1] with { LeftOn = null, Exit = null, DecisionId = null, ExitReason = null };
            Status = ProjectStatus.Active;
        }

        switch (decision.Outcome)
        {
            case GateOutcome.Go:
            case GateOutcome.Conditional:
                _stages[^1] = _stages[^1] with { LeftOn = on, Exit = StageExit.Advanced, DecisionId = decision.Id };
                _stages.Add(new StageEntry(decision.ToStage!, on, null, null, null, null));
                CurrentStage = decision.ToStage!;
                Status = IsLastStage(decision) ? ProjectStatus.HandedOver : ProjectStatus.Active;
                break;
            case GateOutcome.NoGo:
                _stages[^1] = _stages[^1] with { LeftOn = on, Exit = StageExit.Stopped, DecisionId = decision.Id, ExitReason = decision.Rationale };
                Status = ProjectStatus.Stopped;
                break;
            case GateOutcome.Hold:
                Status = ProjectStatus.OnHold;
                break;
            case GateOutcome.MoreInformation:
                Status = ProjectStatus.Active;
                break;
        }

        return null;
    }

    private static bool IsLastStage(GateDecision decision) => decision.ToStage == "hand-over";

    /// <summary>Sets the partners and their funding shares; refused when a share is outside 0..1 or they add up to more than 1.</summary>
    public Refusal? SetPartners(IReadOnlyList<Partner> partners)
    {
        if (partners.Any(p => p.FundingShare is < 0 or > 1))
        {
            return new Refusal("project.partner-share", "A funding share is between 0 and 1.");
        }

        if (partners.Sum(p => p.FundingShare) > 1)
        {
            return new Refusal("project.partner-shares", "Funding shares add up to more than 1.");
        }

        if (partners.Select(p => p.OrganisationId).Distinct().Count() != partners.Count)
        {
            return new Refusal("project.partner-duplicate", "A partner is listed twice.");
        }

        _partners.Clear();
        _partners.AddRange(partners);
        return null;
    }

    /// <summary>The centre takes on sponsorship (after approval).</summary>
    public void AssignSponsor(Guid sponsorId) => SponsorId = sponsorId;

    /// <summary>Shows the portfolio row of the project to staff (it stays confidential otherwise).</summary>
    public void ChangeConfidentiality(Confidentiality confidentiality) => Confidentiality = confidentiality;

    /// <summary>Links a registered trial: only in a clinical stage, and once per NCT id.</summary>
    public Refusal? LinkTrial(NctId nctId, StageCatalog stages, DateOnly on)
    {
        var stage = stages.Get(CurrentStage);
        if (!stage.IsClinical)
        {
            return new Refusal("trial.stage", $"Trials are linked in a clinical stage; the project is in '{stage.Name}'.");
        }

        if (_trials.Any(t => t.NctId == nctId))
        {
            return new Refusal("trial.duplicate", $"{nctId} is already linked.");
        }

        _trials.Add(new LinkedTrial(nctId, stage.Code, on));
        return null;
    }

    public Refusal? RecordAgreement(Agreement agreement)
    {
        if (_agreements.Any(a => a.Id == agreement.Id))
        {
            return new Refusal("agreement.duplicate", "The agreement is already recorded.");
        }

        if (string.IsNullOrWhiteSpace(agreement.Summary))
        {
            return new Refusal("agreement.summary", "An agreement needs a summary.");
        }

        _agreements.Add(agreement);
        return null;
    }

    /// <summary>Records the first marketing authorisation; refused before the agent was in a trial, or twice.</summary>
    public Refusal? RecordMarketApproval(DateOnly on, StageCatalog stages)
    {
        if (MarketApprovalOn is not null)
        {
            return new Refusal("market.recorded", "Market approval is already recorded.");
        }

        if (!HasBeenInTrials(stages))
        {
            return new Refusal("market.no-trial", "An agent reaches the market only after trials.");
        }

        MarketApprovalOn = on;
        return null;
    }

    /// <summary>Whether the project has been in a clinical stage (or later) at any time.</summary>
    public bool HasBeenInTrials(StageCatalog stages) =>
        _stages.Any(s => stages.Find(s.Stage) is { } stage && stage.Order >= stages.FirstClinical.Order);

    public Refusal? AddAttachment(Attachment attachment)
    {
        if (attachment.Length <= 0 || string.IsNullOrWhiteSpace(attachment.FileName))
        {
            return new Refusal("attachment.empty", "An attachment needs a name and content.");
        }

        _attachments.Add(attachment);
        return null;
    }
}
