namespace TrialAccess.Vocabulary;

/// <summary>
/// British medical spellings read as their American forms, word by word, so that one vocabulary entry serves both:
/// "polycythaemia", "oesophageal", "tumour", "paediatric", "oestrogen", "diarrhoea" are read as "polycythemia",
/// "esophageal", "tumor", "pediatric", "estrogen", "diarrhea". Rules are on word parts that only these spellings have.
/// Letters with diacritics are read without them ("waldenström", "sjögren", "naïve" as "waldenstrom", "sjogren", "naive"),
/// the form vocabularies and most records use.
/// </summary>
public static class Spelling
{
    // (British part, American part, where): 'S' at the word's start, 'A' anywhere, 'E' at the end.
    private static readonly (string British, string American, char At)[] Rules =
    [
        ("haem", "hem", 'A'),          // haematology, haemorrhage, haemoglobin, polyhaemia
        ("aemi", "emi", 'A'),          // anaemia, leukaemia, polycythaemia, septicaemia, ischaemic, glycaemic
        ("paed", "ped", 'A'),          // paediatric, orthopaedic
        ("gynaec", "gynec", 'A'),      // gynaecology, gynaecological
        ("anaesth", "anesth", 'A'),    // anaesthesia, anaesthetic
        ("aetiolog", "etiolog", 'S'),  // aetiology
        ("faec", "fec", 'S'),          // faecal, faeces
        ("caec", "cec", 'S'),          // caecum, caecal
        ("oesoph", "esoph", 'A'),      // oesophageal, gastro-oesophageal
        ("oedem", "edem", 'A'),        // oedema, lymphoedema
        ("oestr", "estr", 'S'),        // oestrogen, oestradiol
        ("rrhoea", "rrhea", 'A'),      // diarrhoea, amenorrhoea, gonorrhoea
        ("pnoea", "pnea", 'A'),        // dyspnoea, apnoea, tachypnoea
        ("coeliac", "celiac", 'S'),
        ("foet", "fet", 'S'),          // foetal, foetus
        ("tumour", "tumor", 'S'),      // tumour, tumours, tumourous
    ];

    /// <summary>The American spelling of a lower-case word (the word itself when no rule applies).</summary>
    public static string American(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        word = WithoutDiacritics(word);
        if (word.Length < 4 || !MayBeBritish(word))
        {
            return word;
        }

        var result = word;
        foreach (var (british, american, at) in Rules)
        {
            var index = result.IndexOf(british, StringComparison.Ordinal);
            if (index < 0 || (at == 'S' && index != 0))
            {
                continue;
            }

            result = string.Concat(result.AsSpan(0, index), american, result.AsSpan(index + british.Length));
        }

        return result;
    }

    /// <summary>
    /// The lower-case text with its letters' diacritics removed and "æ", "œ" written out ("leukæmia" as "leukaemia"); most words are
    /// ASCII and returned as they are. A table of the Latin letters, not Unicode normalisation, which the invariant
    /// globalisation mode these hosts run in does not offer.
    /// </summary>
    internal static string WithoutDiacritics(string word)
    {
        if (System.Text.Ascii.IsValid(word))
        {
            return word;
        }

        var folded = new System.Text.StringBuilder(word.Length + 2);
        foreach (var c in word)
        {
            _ = c switch
            {
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => folded.Append('a'),
                'ç' or 'ć' or 'č' => folded.Append('c'),
                'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => folded.Append('e'),
                'ì' or 'í' or 'î' or 'ï' or 'ī' or 'į' => folded.Append('i'),
                'ñ' or 'ń' or 'ň' => folded.Append('n'),
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => folded.Append('o'),
                'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => folded.Append('u'),
                'ý' or 'ÿ' => folded.Append('y'),
                'š' or 'ś' => folded.Append('s'),
                'ž' or 'ź' or 'ż' => folded.Append('z'),
                'ł' => folded.Append('l'),
                'ř' => folded.Append('r'),
                'ß' => folded.Append("ss"),
                'æ' => folded.Append("ae"),
                'œ' => folded.Append("oe"),
                _ => folded.Append(c),
            };
        }

        return folded.ToString();
    }

    /// <summary>Every rule's British part holds "ae", "oe" or "our": most words are passed over in one pass of their letters.</summary>
    private static bool MayBeBritish(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if ((c == 'e' && word[i - 1] is 'a' or 'o') || (c == 'r' && i >= 2 && word[i - 1] == 'u' && word[i - 2] == 'o'))
            {
                return true;
            }
        }

        return false;
    }
}
