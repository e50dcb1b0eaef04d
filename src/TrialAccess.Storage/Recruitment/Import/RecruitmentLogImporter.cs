using System.Globalization;
using nietras.SeparatedValues;
using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Sites;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Storage.Recruitment.Import;

/// <summary>The three logs a trials office keeps, told apart by their header.</summary>
public enum RecruitmentLogKind
{
    /// <summary>One row per recruited participant: <c>study_id,site_id,subject_id,recruited_on[,age_band][,sex]</c>.</summary>
    Accrual,

    /// <summary>One row per screening event: <c>study_id,site_id,subject_id,event,event_date[,reason][,age_band][,sex]</c>.</summary>
    Screening,

    /// <summary>One row per site of a study, with the study's target and dates and the site's milestones.</summary>
    Sites,
}

/// <summary>A row that could not be imported: where (line, column) and why. Nothing of the row was kept.</summary>
public sealed record LogError(int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>What an import did: rows read, rows that changed something, rows already recorded, rows refused.</summary>
public sealed record ImportReport(RecruitmentLogKind? Kind, int Rows, int Changed, int Unchanged, IReadOnlyList<LogError> Errors)
{
    public int Failed => Errors.Count;
}

/// <summary>Progress of a long import: bytes of the file read (when its length is known) and rows so far.</summary>
public sealed record ImportProgress(long BytesRead, long? BytesTotal, int Rows, int Failed);

/// <summary>
/// Imports accrual, screening and site logs (CSV, read with Sep) into the recruitment store. Each row goes through the
/// domain (a refused transition is an error for that row, not for the file); rows with errors are reported by line and
/// column and skipped; everything else is kept, in transactions of <see cref="ChunkRows"/> rows. A row that is already
/// recorded changes nothing, so importing the same file twice writes nothing the second time.
/// </summary>
public sealed class RecruitmentLogImporter(RecruitmentStore store, Func<StudyKey, CancellationToken, Task<CriterionReasons>>? reasonsFor = null)
{
    public const int ChunkRows = 5000;

    /// <summary>The most of a column name an error repeats (the header is the client's text).</summary>
    private const int MaxShownColumn = 40;

    private static readonly string[] AccrualColumns = ["study_id", "site_id", "subject_id", "recruited_on"];
    private static readonly string[] ScreeningColumns = ["study_id", "site_id", "subject_id", "event", "event_date"];
    private static readonly string[] SitesColumns = ["study_id", "site_id"];

    private readonly Dictionary<StudyKey, CriterionReasons> _reasons = [];

    /// <summary>Whether the importing user may change a study; rows of other studies are refused (null: every study, as on the command line).</summary>
    public Func<StudyKey, bool>? MayChange { get; init; }

    /// <summary>Which log a header describes; null when it is none of them.</summary>
    public static RecruitmentLogKind? Detect(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        return names.Contains("recruited_on") ? RecruitmentLogKind.Accrual
            : names.Contains("event") ? RecruitmentLogKind.Screening
            : names.Contains("site_name") || names.Contains("opened") || names.Contains("study_target") ? RecruitmentLogKind.Sites
            : null;
    }

    public async Task<ImportReport> ImportAsync(Stream csv, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        long? total = csv.CanSeek ? csv.Length : null;
        using var text = new StreamReader(csv, leaveOpen: true);
        // The header is read as the first row, not by Sep (which throws on a header that repeats a column name): a
        // repeated column is the file's error, reported like the others.
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(text);
        var header = new List<string>();
        if (reader.MoveNext())
        {
            for (var i = 0; i < reader.Current.ColCount; i++)
            {
                header.Add(Normalise(reader.Current[i].ToString()));
            }
        }

        if (header.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key is { } repeated)
        {
            var shown = repeated.Length > MaxShownColumn ? $"{repeated[..MaxShownColumn]}..." : repeated;
            return new ImportReport(null, 0, 0, 0, [new LogError(1, shown, $"The header names the column '{shown}' more than once: each column needs its own name.")]);
        }

        var kind = Detect(header);
        if (kind is null)
        {
            return new ImportReport(null, 0, 0, 0, [new LogError(1, null, "The header is not an accrual log (recruited_on), a screening log (event, event_date) or a site log (site_name, opened, ...): see the README for the columns.")]);
        }

        var required = kind switch { RecruitmentLogKind.Accrual => AccrualColumns, RecruitmentLogKind.Screening => ScreeningColumns, _ => SitesColumns };
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return new ImportReport(kind, 0, 0, 0, [.. missing.Select(c => new LogError(1, c, $"The {kind.Value.ToString().ToLowerInvariant()} log needs a '{c}' column."))]);
        }

        var workspace = RecruitmentStore.NewWorkspace();
        var errors = new List<LogError>();
        int rows = 0, changed = 0, unchanged = 0, sinceSave = 0;
        foreach (var row in reader)
        {
            rows++;
            var line = row.LineNumberFrom;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < row.ColCount; i++)
            {
                values[header[i]] = row[i].ToString();
            }

            LogError? error;
            ChangeKind result;
            if (row.ColCount != header.Count)
            {
                (error, result) = (new LogError(line, null, $"{row.ColCount} columns where the header has {header.Count}."), ChangeKind.Refused);
            }
            else
            {
                (error, result) = await ApplyAsync(kind.Value, workspace, new LogRow(line, values), cancellationToken);
            }

            if (error is not null)
            {
                errors.Add(error);
            }
            else if (result == ChangeKind.Changed)
            {
                changed++;
                sinceSave++;
            }
            else
            {
                unchanged++;
            }

            if (sinceSave >= ChunkRows)
            {
                await store.SaveAsync(workspace, cancellationToken);
                sinceSave = 0;
            }

            if (rows % 1000 == 0)
            {
                progress?.Report(new ImportProgress(csv.CanSeek ? csv.Position : 0, total, rows, errors.Count));
            }
        }

        await store.SaveAsync(workspace, cancellationToken);
        progress?.Report(new ImportProgress(total ?? 0, total, rows, errors.Count));
        return new ImportReport(kind, rows, changed, unchanged, errors);
    }

    private async Task<(LogError? Error, ChangeKind Result)> ApplyAsync(RecruitmentLogKind kind, RecruitmentWorkspace workspace, LogRow row, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(row["study_id"], out var key))
        {
            return (row.Error("study_id", $"'{row["study_id"]}' is not a study id (an NCT id, or pipeline:<project id>)."), ChangeKind.Refused);
        }

        if (MayChange is { } mayChange && !mayChange(key))
        {
            return (row.Error("study_id", $"You do not manage {key}: ask one of its trial managers to import this row."), ChangeKind.Refused);
        }

        await store.LoadIntoAsync(workspace, [key], withParticipants: kind != RecruitmentLogKind.Sites, cancellationToken);
        return kind == RecruitmentLogKind.Sites
            ? ApplySite(workspace, key, row)
            : await ApplyParticipantAsync(kind, workspace, key, row, cancellationToken);
    }

    private static (LogError?, ChangeKind) ApplySite(RecruitmentWorkspace workspace, StudyKey key, LogRow row)
    {
        var changed = false;
        var study = workspace.Study(key);
        if (row.Has("study_title") || row.Has("study_target") || row.Has("recruitment_start") || row.Has("target_end_date") || study is null)
        {
            if (!row.TryText("study_title", out var title, study?.Title) || !row.TryInt("study_target", out var target, study?.Target)
                || !row.TryDate("recruitment_start", out var start, study?.RecruitmentStart) || !row.TryDate("target_end_date", out var end, study?.TargetEndDate)
                || !row.TryOptionalInt("planned_sites", out var planned, study?.PlannedSites))
            {
                return (row.LastError, ChangeKind.Refused);
            }

            var defined = workspace.DefineStudy(key, title!, target!.Value, start!.Value, end!.Value, planned);
            if (defined.IsRefused)
            {
                return (row.Error("study_title", defined.Error!), ChangeKind.Refused);
            }

            changed |= defined.Kind == ChangeKind.Changed;
        }

        var code = row["site_id"];
        if (StudySite.ValidateCode(code) is { } codeError)
        {
            return (row.Error("site_id", codeError), ChangeKind.Refused);
        }

        var existing = workspace.Study(key)!.Site(code);
        if (!row.TryOptionalInt("site_target", out var siteTarget, existing?.Target) || !row.TryOptionalDate("site_target_end_date", out var siteEnd, existing?.TargetEndDate))
        {
            return (row.LastError, ChangeKind.Refused);
        }

        var milestones = new List<(SiteMilestone, DateOnly)>();
        foreach (var milestone in Enum.GetValues<SiteMilestone>())
        {
            var column = ColumnOf(milestone);
            if (!row.TryOptionalDate(column, out var date, null))
            {
                return (row.LastError, ChangeKind.Refused);
            }

            if (date is { } d)
            {
                milestones.Add((milestone, d));
            }
        }

        DelaySource delay = existing?.DelaySource ?? DelaySource.None;
        if (row.Has("delay_source") && !Enum.TryParse(row["delay_source"], ignoreCase: true, out delay))
        {
            return (row.Error("delay_source", $"'{row["delay_source"]}' is not a source of delay (none, sponsor, site, both, other)."), ChangeKind.Refused);
        }

        var (site, added) = workspace.Site(key, code, row.Has("site_name") ? row["site_name"] : null, siteTarget ?? 0);
        changed |= added.Kind == ChangeKind.Changed;
        foreach (var (milestone, date) in milestones.OrderBy(m => m.Item1))
        {
            var recorded = site!.RecordMilestone(milestone, date);
            if (recorded.IsRefused)
            {
                return (row.Error(ColumnOf(milestone), recorded.Error!), ChangeKind.Refused);
            }

            changed |= recorded.Kind == ChangeKind.Changed;
        }

        changed |= site!.SetTarget(siteTarget ?? site.Target, siteEnd).Kind == ChangeKind.Changed;
        changed |= site.RecordDelay(delay, row.Has("delay_note") ? row["delay_note"] : site.DelayNote).Kind == ChangeKind.Changed;
        return (null, changed ? ChangeKind.Changed : ChangeKind.Unchanged);
    }

    private async Task<(LogError?, ChangeKind)> ApplyParticipantAsync(RecruitmentLogKind kind, RecruitmentWorkspace workspace, StudyKey key, LogRow row, CancellationToken cancellationToken)
    {
        var study = workspace.Study(key);
        if (study is null)
        {
            return (row.Error("study_id", $"{key} is not a monitored study: import its site log first (or add it with seed-demo or the API)."), ChangeKind.Refused);
        }

        var siteCode = row["site_id"];
        if (study.Site(siteCode) is not { } site)
        {
            return (row.Error("site_id", $"'{siteCode}' is not a site of {key}."), ChangeKind.Refused);
        }

        if (!StudySubjectId.TryParse(row["subject_id"], out var subject))
        {
            return (row.Error("subject_id", $"'{row["subject_id"]}' is not a study subject id (1-40 letters, digits, '-', '_', '.', '/'; no spaces, never a name)."), ChangeKind.Refused);
        }

        ResearchSubjectState state;
        DateOnly? on;
        string dateColumn;
        if (kind == RecruitmentLogKind.Accrual)
        {
            (state, dateColumn) = (ResearchSubjectState.Enrolled, "recruited_on");
        }
        else
        {
            dateColumn = "event_date";
            if (!ResearchSubjectStates.TryParseLogName(row["event"], out state))
            {
                return (row.Error("event", $"'{row["event"]}' is not a screening event (candidate, prescreened, screened, eligible, consented, enrolled, withdrawn, ineligible, screen_failed)."), ChangeKind.Refused);
            }
        }

        if (!row.TryDate(dateColumn, out on, null))
        {
            return (row.LastError, ChangeKind.Refused);
        }

        AgeBand? band = null;
        if (row.Has("age_band") && (band = AgeBand.Parse(row["age_band"])) is null)
        {
            return (row.Error("age_band", $"'{row["age_band"]}' is not an age band ({string.Join(", ", AgeBand.All.Select(b => b.Label))}) or an age in years."), ChangeKind.Refused);
        }

        var sex = ParticipantSex.Unknown;
        if (row.Has("sex") && !TryParseSex(row["sex"], out sex))
        {
            return (row.Error("sex", $"'{row["sex"]}' is not a sex as recorded for accrual (female, male, unknown)."), ChangeKind.Refused);
        }

        IReadOnlyList<ScreeningReason> reasons = [];
        if (row.Has("reason"))
        {
            var reasonsFor = await ReasonsAsync(key, cancellationToken);
            reasons = [.. row["reason"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(reasonsFor.Resolve).OfType<ScreeningReason>()];
        }

        var participant = workspace.Participant(key, subject);
        var isNew = participant is null;
        if (participant is null)
        {
            participant = new Participant(key, site.Code, subject);
        }
        else if (!string.Equals(participant.SiteCode, site.Code, StringComparison.OrdinalIgnoreCase))
        {
            return (row.Error("site_id", $"{subject} is a participant at {participant.SiteCode}, not {site.Code}."), ChangeKind.Refused);
        }

        var before = (participant.AgeBand, participant.Sex);
        var described = participant.Describe(band, sex);
        if (described.IsRefused)
        {
            return (row.Error(band is not null && before.AgeBand is not null && before.AgeBand != band ? "age_band" : "sex", described.Error!), ChangeKind.Refused);
        }

        var moved = participant.MoveTo(state, on!.Value, reasons);
        if (moved.IsRefused)
        {
            participant.RestoreDescription(before.AgeBand, before.Sex);
            return (row.Error(moved.Error!.Contains("reason", StringComparison.Ordinal) ? "reason" : kind == RecruitmentLogKind.Accrual ? dateColumn : "event", moved.Error!), ChangeKind.Refused);
        }

        if (isNew)
        {
            workspace.AddParticipant(participant);
        }

        return (null, isNew || moved.Kind == ChangeKind.Changed || described.Kind == ChangeKind.Changed ? ChangeKind.Changed : ChangeKind.Unchanged);
    }

    private async Task<CriterionReasons> ReasonsAsync(StudyKey key, CancellationToken cancellationToken)
    {
        if (!_reasons.TryGetValue(key, out var reasons))
        {
            reasons = reasonsFor is null ? CriterionReasons.None : await reasonsFor(key, cancellationToken);
            _reasons[key] = reasons;
        }

        return reasons;
    }

    private static bool TryParseSex(string text, out ParticipantSex sex)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "f" or "female":
                sex = ParticipantSex.Female;
                return true;
            case "m" or "male":
                sex = ParticipantSex.Male;
                return true;
            case "" or "u" or "unknown" or "not known":
                sex = ParticipantSex.Unknown;
                return true;
            default:
                sex = ParticipantSex.Unknown;
                return false;
        }
    }

    internal static string ColumnOf(SiteMilestone milestone) => milestone switch
    {
        SiteMilestone.FirstParticipant => "first_participant",
        _ => milestone.ToString().ToLowerInvariant(),
    };

    private static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace(' ', '_');

    /// <summary>One row's values by column, with typed reads that remember the last error.</summary>
    private sealed class LogRow(int line, Dictionary<string, string> values)
    {
        public LogError? LastError { get; private set; }

        public string this[string column] => values.TryGetValue(column, out var value) ? value : "";

        public bool Has(string column) => values.TryGetValue(column, out var value) && value.Length > 0;

        public LogError Error(string? column, string message) => LastError = new LogError(line, column, message);

        public bool TryText(string column, out string? value, string? fallback)
        {
            value = Has(column) ? this[column] : fallback;
            if (value is null)
            {
                Error(column, $"'{column}' is needed for a study not yet monitored.");
                return false;
            }

            return true;
        }

        public bool TryInt(string column, out int? value, int? fallback)
        {
            if (!TryOptionalInt(column, out value, fallback))
            {
                return false;
            }

            if (value is null)
            {
                Error(column, $"'{column}' is needed for a study not yet monitored.");
                return false;
            }

            return true;
        }

        public bool TryOptionalInt(string column, out int? value, int? fallback)
        {
            value = fallback;
            if (!Has(column))
            {
                return true;
            }

            if (int.TryParse(this[column], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
                return true;
            }

            Error(column, $"'{this[column]}' is not a whole number of 0 or more.");
            return false;
        }

        public bool TryDate(string column, out DateOnly? value, DateOnly? fallback)
        {
            if (!TryOptionalDate(column, out value, fallback))
            {
                return false;
            }

            if (value is null)
            {
                Error(column, $"'{column}' needs a date (yyyy-MM-dd).");
                return false;
            }

            return true;
        }

        public bool TryOptionalDate(string column, out DateOnly? value, DateOnly? fallback)
        {
            value = fallback;
            if (!Has(column))
            {
                return true;
            }

            if (DateOnly.TryParseExact(this[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                value = parsed;
                return true;
            }

            Error(column, $"'{this[column]}' is not a date (yyyy-MM-dd).");
            return false;
        }
    }
}
