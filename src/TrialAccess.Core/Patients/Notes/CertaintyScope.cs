namespace TrialAccess.Patients.Notes;

/// <summary>
/// Decides how a mention in a sentence is stated, in the spirit of NegEx and ConText: trigger words ("no", "denies",
/// "history of", "mother", "rule out") open a scope that runs forward a few words until a terminating word ("but",
/// "which", a new verb of presentation); a few triggers look backwards ("... was negative", "... in his mother").
/// </summary>
/// <remarks>
/// Family beats everything (a relative's condition is never the patient's), then negation, then hypothesis, then
/// history. The windows are counted in words, so unpunctuated text cannot stretch a scope over the whole note.
/// </remarks>
internal static class CertaintyScope
{
    private const int ForwardWindow = 15;
    private const int BackwardWindow = 4;

    private static readonly string[][] NegationBefore = Phrases(
        "no", "not", "denies", "denied", "deny", "without", "negative for", "no evidence of", "no history of", "no known", "free of",
        "absence of", "ruled out", "never", "neither", "nor", "no signs of", "no sign of", "doesnt have", "does not have", "did not have",
        "not have", "unremarkable for", "unable to", "not able to", "could not", "cannot", "negative history of", "no positive history", "has not any positive history of",
        "no other", "w o", "wo", "doesnt", "dont", "didnt", "isnt", "wasnt", "wont", "cant", "hasnt", "havent", "arent", "werent",
        "abstains from", "abstinent from", "quit using", "nor does", "nor is",
        "not started", "not yet started", "not been started on", "not begun", "not yet begun", "not commenced", "not yet commenced",
        "not initiated", "not yet initiated", "yet to start", "yet to begin", "yet to receive", "not yet received", "not yet had",
        "not had", "not received", "not undergone", "not been given", "not been treated with", "not taken", "not been on",
        "rather than", "instead of", "in place of",
        "never had", "never received", "never undergone", "never been given", "never been treated with", "never been treated", "never taken",
        "never been on", "never used", "never started", "never needed");

    /// <summary>
    /// A negation word that negates only the word after it ("never smoker", "non smoker") or is part of a name ("invasive
    /// carcinoma of no special type"): what follows it in the sentence ("never smoker, with metastatic lung
    /// adenocarcinoma", "no special type, ER Allred 8/8") is stated, not denied.
    /// </summary>
    private static readonly string[][] PseudoNegation = Phrases(
        "never smoker", "never smokers", "never smoked", "never a smoker", "never drinker", "never drank", "non smoker", "nonsmoker",
        "never been a smoker", "never used tobacco", "no smoking history", "no history of smoking", "no tobacco use", "no alcohol use",
        "no special type", "not otherwise specified");

    private static readonly string[][] NegationAfter = Phrases(
        "negative", "neg", "was negative", "is negative", "were negative", "are negative", "ruled out", "was ruled out", "absent", "not detected", "not seen", "unlikely", "excluded",
        "was not given", "were not given", "was not used", "were not used", "was not received", "was never given", "was withheld");

    private static readonly string[][] HistoryBefore = Phrases(
        "history of", "h o", "hx", "hx of", "s p", "status post", "prior", "previous", "previously", "past", "pmh", "pmhx", "past medical history",
        "used to", "in the past", "former", "remote", "resolved", "was treated", "were treated", "completed", "received", "quit", "stopped", "ex", "off");

    private static readonly string[][] HypotheticalBefore = Phrases(
        "rule out", "r o", "concern for", "concerning for", "possible", "possibly", "suspected", "suspicion of", "suspicious for", "candidate for",
        "will", "planned", "plan", "plans", "planning", "to be started", "consider", "considers", "considering", "considered", "offered", "if", "risk of",
        "to avoid", "may", "might", "could", "screening for", "in case", "to start", "recommended", "recommends", "would", "should",
        "evaluate for", "evaluated for", "workup for", "work up for", "differential", "to receive", "to get", "to undergo", "to have her", "to have his", "to have their",
        "concerned about", "concern about", "concerns about", "worried about", "worries about", "worry about", "afraid of", "fear of",
        "asked about", "asks about", "asking about", "enquired about", "inquired about", "interested in", "wishes to", "wants to",
        "advice on", "advice about", "advice regarding", "advised on", "counseling on", "counseling about", "counselling on", "counselling about",
        "risk for", "at risk", "to prevent", "prevention of", "screening", "screened for",
        "can receive", "can be given", "can have", "able to receive", "fit for", "eligible for", "suitable for", "unfit for",
        "weighing", "is weighing", "deciding on", "deciding about", "deciding between", "discussing", "discussed", "options of", "option of", "choice of",
        "opted against", "declined", "declines", "declining", "refused", "refuses", "refusing", "decided against", "would like", "hopes to", "hoping to", "due to start", "awaiting", "before starting",
        "before he starts", "before she starts", "before they start", "before beginning", "before he begins", "before she begins", "prior to starting",
        "whether to", "whether or not to", "a later", "the later", "a subsequent", "an eventual", "eventual", "due to begin", "to begin",
        "plan is", "plan is for", "plan is to", "plans are", "intention is", "intent is", "in preparation for", "in readiness for", "ahead of",
        "advised", "advises", "advising", "advise", "proposed", "proposes", "suggested", "suggests", "mentioned", "has mentioned", "raised");

    private static readonly string[][] HypotheticalAfter = Phrases(
        "will be started", "will be", "to be started", "is planned", "was planned", "planned", "is recommended", "was recommended", "was offered", "is offered",
        "is being considered", "are being considered", "is being planned", "is being discussed", "is under consideration", "is proposed", "is scheduled", "is being offered",
        "is booked", "are booked", "is arranged", "are arranged", "feasible", "is feasible", "would be feasible", "is possible", "would be possible",
        "to be considered", "to be discussed", "to be planned", "to be offered", "to be given", "to follow", "is to be considered", "are to be considered",
        "is to be discussed", "is to follow", "will follow", "is considered unsafe", "is considered unsuitable", "is considered inappropriate", "is unsafe",
        "is unsuitable", "is not suitable", "would be unsafe", "is contraindicated", "was contraindicated", "is not an option", "is to be avoided", "should be avoided",
        "was avoided", "is avoided");

    private static readonly HashSet<string> Relatives = new(StringComparer.Ordinal)
    {
        "mother", "father", "sister", "brother", "aunt", "uncle", "grandmother", "grandfather", "cousin", "son", "daughter", "parents",
        "parent", "sibling", "siblings", "husband", "wife", "spouse", "niece", "nephew", "grandparents", "sisters", "brothers", "mom", "dad",
    };

    private static readonly string[][] FamilyBefore = Phrases("family history", "fhx", "fh", "family hx", "family medical history");

    private static readonly HashSet<string> Terminators = new(StringComparer.Ordinal)
    {
        "but", "however", "although", "though", "yet", "except", "apart", "aside", "only", "which", "who", "whom", "presents", "presenting", "presented",
        "complains", "complaining", "complained", "secondary", "due", "because", "now", "currently", "admitted", "diagnosed",
        "confirmed", "revealed", "showed", "shows", "found", "reports", "reported", "states", "developed", "consistent", "therefore", "thus", "hence",
    };

    /// <summary>Words that end a relative's scope: a new clause about someone, or a contrast.</summary>
    private static readonly HashSet<string> FamilyTerminators = new(StringComparer.Ordinal)
    {
        "but", "however", "although", "though", "yet", "except", "which", "who", "presents", "presenting", "presented", "complains", "complaining",
        "complained", "admitted",
    };

    /// <summary>Words that end a negation or hypothesis (a new clause with its own verb) but not a family scope.</summary>
    private static readonly HashSet<string> ClauseVerbs = new(StringComparer.Ordinal)
    {
        "has", "had", "have", "is", "was", "are", "were", "uses", "using", "takes", "taking", "underwent", "started", "remarkable", "significant",
        "he", "she", "patient", "pt", "then", "after", "while",
    };

    /// <summary>The certainty of a mention in a sentence.</summary>
    /// <param name="tokens">The sentence's words.</param>
    /// <param name="first">Index of the mention's first word.</param>
    /// <param name="next">Index just after the mention's last word.</param>
    /// <param name="patientSex">When known, a subject pronoun of the other sex ("he" in a woman's note) marks someone else's facts.</param>
    public static Certainty Of(IReadOnlyList<NoteToken> tokens, int first, int next, PatientSex? patientSex = null)
    {
        if (IsFamily(tokens, first, next, patientSex))
        {
            return Certainty.FamilyHistory;
        }

        if (TriggerBefore(tokens, first, NegationBefore, stopAtClause: true) || TriggerAfter(tokens, next, NegationAfter) || ListNegatedAfter(tokens, next) || PairNegatedAfter(tokens, next)
            || (first > 0 && tokens[first - 1].Norm == "non" && !tokens[first].BreakBefore))
        {
            return Certainty.Negated;
        }

        if (TriggerBefore(tokens, first, HypotheticalBefore, stopAtClause: true) || TriggerAfter(tokens, next, HypotheticalAfter, reach: 0) || PlannedAfter(tokens, next)
            || PlannedBefore(tokens, first) || UnderPlanHeading(tokens, first))
        {
            return Certainty.Hypothetical;
        }

        return TriggerBefore(tokens, first, HistoryBefore, stopAtClause: false) ? Certainty.Historical : Certainty.Asserted;
    }

    private static bool IsFamily(IReadOnlyList<NoteToken> tokens, int first, int next, PatientSex? patientSex)
    {
        for (var k = 0; k < first; k++)
        {
            if (StartsWith(tokens, k, FamilyBefore) is { } length && !TerminatedBetween(tokens, k + length, first, clause: false, window: int.MaxValue))
            {
                return true;
            }
        }

        var otherPronoun = patientSex switch { PatientSex.Female => "he", PatientSex.Male => "she", _ => null };
        for (var k = first - 1; k >= 0 && k >= first - ForwardWindow; k--)
        {
            var word = tokens[k].Norm;
            if (Relatives.Contains(word) || word == otherPronoun)
            {
                return !TerminatedBetween(tokens, k + 1, first, clause: false, window: ForwardWindow, FamilyTerminators)
                    && !RelativeClauseClosed(tokens, k, first);
            }

            // "her sister, who had breast cancer at 45", "his father, who smoked, had lung cancer": a clause opened by "who"
            // after a relative is about the relative, and so is the sentence the relative goes on to be the subject of.
            if (word is "who" or "whom" && k > 0 && Relatives.Contains(tokens[k - 1].Norm))
            {
                return true;
            }

            if (FamilyTerminators.Contains(word) || word is "he" or "she" or "patient" or "pt")
            {
                break;
            }
        }

        for (var k = next; k < tokens.Count && k < next + BackwardWindow; k++)
        {
            var word = tokens[k].Norm;
            if (Relatives.Contains(word))
            {
                return k > next && tokens[k - 1].Norm is "his" or "her" or "the" or "in" or "a" or "and" or "their";
            }

            if (Terminators.Contains(word) || ClauseVerbs.Contains(word))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// A relative named in a clause set off by commas ("a woman, whose mother died of ovarian cancer, was found to have
    /// ..."): the relative's scope ends at the comma that closes the clause, and what follows is the patient's.
    /// </summary>
    private static bool RelativeClauseClosed(IReadOnlyList<NoteToken> tokens, int relative, int first)
    {
        if (relative == 0 || tokens[relative - 1].Norm != "whose")
        {
            return false;
        }

        return CommaBetween(tokens, relative + 1, first);
    }

    /// <summary>True when a comma stands before one of the words from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static bool CommaBetween(IReadOnlyList<NoteToken> tokens, int from, int to)
    {
        for (var k = from; k <= to && k < tokens.Count; k++)
        {
            if (tokens[k].CommaBefore)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TriggerBefore(IReadOnlyList<NoteToken> tokens, int first, string[][] triggers, bool stopAtClause)
    {
        var from = Math.Max(0, first - ForwardWindow - 4);
        for (var k = first - 1; k >= from; k--)
        {
            if (ReferenceEquals(triggers, NegationBefore) && StartsWith(tokens, k, PseudoNegation, first) is { } pseudo && k + pseudo < first)
            {
                return false;
            }

            if (StartsWith(tokens, k, triggers, first) is { } length)
            {
                return !TerminatedBetween(tokens, k + length, first, stopAtClause, ForwardWindow);
            }
        }

        return false;
    }

    /// <summary>
    /// The subject of a sentence whose verb plans it: "multiagent chemotherapy with later local control by surgery and/or
    /// radiotherapy is planned". The words up to "is planned" hold no other verb, terminating word or sentence break.
    /// </summary>
    private static bool PlannedAfter(IReadOnlyList<NoteToken> tokens, int next)
    {
        for (var k = next; k < tokens.Count && k <= next + PlannedWindow; k++)
        {
            var word = tokens[k].Norm;

            // "dexamethasone, vincristine and pegaspargase due to begin tomorrow", "chemotherapy is to start next week".
            if (StartsLater(tokens, k))
            {
                return true;
            }

            // "radiotherapy to the stomach is planned", "... is being planned".
            var being = word is "is" or "are" && k + 2 < tokens.Count && tokens[k + 1].Norm == "being" ? 1 : 0;
            if (word is "is" or "are" && k + 1 + being < tokens.Count && tokens[k + 1 + being].Norm is "planned" or "recommended" or "proposed" or "scheduled" or "intended" or "booked" or "arranged")
            {
                return k > next;
            }

            // "Induction chemotherapy will precede local control surgery", "radiotherapy will be given afterwards".
            if (word is "will" or "shall" && WillBeGiven(tokens, k + 1))
            {
                return true;
            }

            // ", and focal radiotherapy is planned": after a comma, "and" starts a clause of its own.
            if ((tokens[k].BreakBefore && k > next) || Terminators.Contains(word) || ClauseVerbs.Contains(word)
                || (word == "and" && k > 0 && tokens[k].Start - tokens[k - 1].End > 1))
            {
                return false;
            }
        }

        return false;
    }

    private const int PlannedWindow = 10;

    /// <summary>
    /// "Ovarian tissue cryopreservation is being arranged before chemotherapy", "he will have a port placed prior to
    /// chemotherapy": a treatment that something still to come must precede has not been given. Only where the clause's
    /// own verb looks ahead; in "her CA-125 before chemotherapy was 900" the treatment was given.
    /// </summary>
    private static bool PlannedBefore(IReadOnlyList<NoteToken> tokens, int first)
    {
        var at = first - 1;
        if (at >= 0 && tokens[at].Norm is "the" or "any" or "her" or "his" or "their" or "starting" or "beginning" or "receiving")
        {
            at--;
        }

        var cue = at >= 0 && tokens[at].Norm == "before" ? at
            : at >= 1 && tokens[at].Norm == "to" && tokens[at - 1].Norm == "prior" ? at - 1
            : -1;
        for (var k = cue - 1; k >= 0 && !tokens[k + 1].BreakBefore; k--)
        {
            var word = tokens[k].Norm;
            if (word is "will" or "shall" or "being" or "arranged" or "planned" or "scheduled" or "booked" or "intended"
                || (word is "is" or "are" && tokens[k + 1].Norm is "to" or "going"))
            {
                return true;
            }

            if (word is "was" or "were" or "had" or "did")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>After "will": a verb that gives a treatment, or places it before or after another ("precede", "be given").</summary>
    private static bool WillBeGiven(IReadOnlyList<NoteToken> tokens, int k)
    {
        if (k < tokens.Count && tokens[k].Norm == "then")
        {
            k++;
        }

        return k < tokens.Count && (tokens[k].Norm is "precede" or "follow"
            || (tokens[k].Norm == "be" && k + 1 < tokens.Count && tokens[k + 1].Norm is "given" or "started" or "offered" or "delivered" or "administered" or "added" or "performed" or "done" or "used"));
    }

    /// <summary>"due to begin", "to start", "is to commence", "will begin" at <paramref name="k"/>.</summary>
    private static bool StartsLater(IReadOnlyList<NoteToken> tokens, int k)
    {
        static bool IsStart(string w) => w is "begin" or "start" or "commence";
        var word = tokens[k].Norm;
        return (word is "due" or "is" or "are" && k + 2 < tokens.Count && tokens[k + 1].Norm == "to" && IsStart(tokens[k + 2].Norm))
            || (word == "will" && k + 1 < tokens.Count && IsStart(tokens[k + 1].Norm));
    }

    /// <summary>
    /// A mention in a sentence headed "Plan:" or "Recommendation:" ("Plan: definitive chemoradiotherapy, start in 3
    /// wks"): what the heading introduces is intended, not done. The heading is the sentence's first word, a break (its
    /// colon) after it.
    /// </summary>
    private static bool UnderPlanHeading(IReadOnlyList<NoteToken> tokens, int first)
    {
        var heading = first > 1 && tokens[1].BreakBefore ? tokens[0].Norm
            : first > 2 && tokens[2].BreakBefore && tokens[1].Norm is "plan" or "plans" ? tokens[1].Norm : null;
        return heading is "plan" or "plans" or "planned" or "recommendation" or "recommendations" or "proposal" or "proposed";
    }

    private static bool TriggerAfter(IReadOnlyList<NoteToken> tokens, int next, string[][] triggers, int reach = 1)
    {
        for (var k = next; k < tokens.Count && k <= next + reach; k++)
        {
            if (StartsWith(tokens, k, triggers) is not null)
            {
                // "Gram negative"; "a carcinoma, with negative margins": "negative" there describes what follows it. "Acute
                // myeloid leukaemia, FLT3 negative": after a comma, the word between is what the result is about.
                return !(k > 0 && tokens[k - 1].Norm == "gram") && !(k > next && tokens[k].Norm == "negative" && tokens[k - 1].Norm == "with")
                    && !(k > next && next > 0 && tokens[next].Start - tokens[next - 1].End > 1);
            }
        }

        return false;
    }

    /// <summary>
    /// A mention at the head of a list of tests that a plural verb then negates ("HIV, hepatitis B and hepatitis C tests
    /// are negative"): the words up to "tests are negative" or "serologies were negative" are list items (no clause verb,
    /// no terminating word, no new sentence) and at most <see cref="ListWindow"/> of them.
    /// </summary>
    private static bool ListNegatedAfter(IReadOnlyList<NoteToken> tokens, int next)
    {
        for (var k = next; k < tokens.Count && k <= next + ListWindow; k++)
        {
            var word = tokens[k].Norm;

            // "HIV, hepatitis B and C negative": a list of infection tests with one result after it.
            if (word is "negative" or "neg" && k > next && !tokens[k].BreakBefore)
            {
                return tokens.Skip(next).Take(k - next).All(t => !t.BreakBefore && (Serologies.Contains(t.Norm) || t.Norm is "and" or "or"));
            }

            if (word is "are" or "were" && k + 1 < tokens.Count && tokens[k + 1].Norm == "negative" && !tokens[k + 1].BreakBefore)
            {
                return k > next + 1 && TestResults.Contains(tokens[k - 1].Norm) && tokens.Skip(next).Take(k - next).Any(t => t.Norm is "and" or "or");
            }

            if (tokens[k].BreakBefore && k > next || Terminators.Contains(word) || ClauseVerbs.Contains(word) || word is "his" or "her" or "their")
            {
                return false;
            }
        }

        return false;
    }

    private const int ListWindow = 10;

    /// <summary>
    /// A mention paired with another under one result: "Hepatitis B and C negative", "HIV or HCV neg": "and" or "or", at most
    /// two words, then the negative result, with no break between.
    /// </summary>
    private static bool PairNegatedAfter(IReadOnlyList<NoteToken> tokens, int next)
    {
        if (next >= tokens.Count || tokens[next].Norm is not ("and" or "or") || tokens[next].BreakBefore)
        {
            return false;
        }

        for (var k = next + 2; k < tokens.Count && k <= next + 3; k++)
        {
            // "A tumour and node negative": the nodes' result, not the tumour's.
            if (tokens[k].BreakBefore || ClauseVerbs.Contains(tokens[k].Norm) || Terminators.Contains(tokens[k].Norm) || tokens[k - 1].Norm is "node" or "nodes" or "nodal" or "lymph" or "margin" or "margins")
            {
                return false;
            }

            if (tokens[k].Norm is "negative" or "neg")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words that make a list's "were negative" the results of tests for what it names ("HIV and hepatitis B tests
    /// were negative"), not procedures that were done and found nothing ("a lumbar puncture and a marrow biopsy were
    /// negative").
    /// </summary>
    /// <summary>The words of a list of infection tests ("HIV, hepatitis B and C", "HBsAg and HCV antibody").</summary>
    private static readonly HashSet<string> Serologies = new(StringComparer.Ordinal)
    {
        "hiv", "hiv1", "hiv2", "hepatitis", "hep", "hbv", "hcv", "hbsag", "hbcab", "b", "c", "htlv", "htlv1", "syphilis", "cmv", "ebv", "virus", "viral",
        "antibody", "antibodies", "antigen", "serology", "serologies", "screen", "1", "2", "i", "ii",
    };

        private static readonly HashSet<string> TestResults = new(StringComparer.Ordinal)
    {
        "tests", "test", "testing", "serologies", "serology", "screens", "screening", "results", "antibodies", "antigens", "titers", "titres", "markers", "studies",
    };

    private static bool TerminatedBetween(IReadOnlyList<NoteToken> tokens, int from, int to, bool clause, int window, HashSet<string>? terminators = null)
    {
        terminators ??= Terminators;
        if (to < tokens.Count && to > from && tokens[to].BreakBefore)
        {
            return true;
        }

        if (to - from > window)
        {
            return true;
        }

        for (var k = from; k < to; k++)
        {
            if (tokens[k].BreakBefore)
            {
                return true;
            }

            var word = tokens[k].Norm;
            if (terminators.Contains(word) || (clause && ClauseVerbs.Contains(word)))
            {
                return true;
            }

            // "no treatment other than dexamethasone": what follows "other than" is the exception, not denied.
            if (word == "than" && k > from && tokens[k - 1].Norm == "other" && ReferenceEquals(terminators, Terminators))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The length of the longest trigger phrase starting at <paramref name="at"/> and ending before <paramref name="end"/> (so "no" in "no other medical condition" still negates "other medical condition").</summary>
    private static int? StartsWith(IReadOnlyList<NoteToken> tokens, int at, string[][] phrases, int end = int.MaxValue)
    {
        int? best = null;
        foreach (var phrase in phrases)
        {
            if (at + phrase.Length > Math.Min(tokens.Count, end) || (best is { } b && b >= phrase.Length))
            {
                continue;
            }

            var ok = true;
            for (var j = 0; j < phrase.Length && ok; j++)
            {
                ok = tokens[at + j].Norm == phrase[j];
            }

            if (ok)
            {
                best = phrase.Length;
            }
        }

        return best;
    }

    private static string[][] Phrases(params string[] phrases) => phrases.Select(p => p.Split(' ')).ToArray();
}
