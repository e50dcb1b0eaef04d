namespace TrialAccess.Matching.Retrieval;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer for English, over lower-case ASCII words. Words with other characters,
/// and words of one or two letters, are returned unchanged.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
        {
            return word;
        }

        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return word;
            }
        }

        var w = new Word(word);
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private char[] _b = text.ToCharArray();
        private int _k = text.Length - 1;
        private int _j;

        public override string ToString() => new(_b, 0, _k + 1);

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>The number of vowel-consonant sequences in b[0..j].</summary>
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (!IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && _b[j] == _b[j - 1] && IsConsonant(j);

        /// <summary>consonant-vowel-consonant at i-2..i, the last not w, x or y.</summary>
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
            {
                return false;
            }

            return _b[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string s)
        {
            var length = s.Length;
            var offset = _k - length + 1;
            if (offset < 0)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (_b[offset + i] != s[i])
                {
                    return false;
                }
            }

            _j = _k - length;
            return true;
        }

        private void SetTo(string s)
        {
            var length = s.Length;
            var offset = _j + 1;
            if (offset + length > _b.Length)
            {
                Array.Resize(ref _b, offset + length);
            }

            for (var i = 0; i < length; i++)
            {
                _b[offset + i] = s[i];
            }

            _k = _j + length;
        }

        private void ReplaceIfMeasured(string s)
        {
            if (Measure() > 0)
            {
                SetTo(s);
            }
        }

        public void Step1a()
        {
            if (_b[_k] != 's')
            {
                return;
            }

            if (EndsWith("sses"))
            {
                _k -= 2;
            }
            else if (EndsWith("ies"))
            {
                SetTo("i");
            }
            else if (_k >= 1 && _b[_k - 1] != 's')
            {
                _k--;
            }
        }

        public void Step1b()
        {
            if (EndsWith("eed"))
            {
                if (Measure() > 0)
                {
                    _k--;
                }

                return;
            }

            if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                _k = _j;
                if (EndsWith("at"))
                {
                    SetTo("ate");
                }
                else if (EndsWith("bl"))
                {
                    SetTo("ble");
                }
                else if (EndsWith("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(_k))
                {
                    if (_b[_k] is not ('l' or 's' or 'z'))
                    {
                        _k--;
                    }
                }
                else
                {
                    _j = _k;
                    if (Measure() == 1 && Cvc(_k))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        public void Step1c()
        {
            if (EndsWith("y") && VowelInStem())
            {
                _b[_k] = 'i';
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        ];

        public void Step2() => ApplyFirst(Step2Rules);

        public void Step3() => ApplyFirst(Step3Rules);

        private void ApplyFirst((string Suffix, string Replacement)[] rules)
        {
            if (_k == 0)
            {
                return;
            }

            foreach (var (suffix, replacement) in rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (_k == 0)
            {
                return;
            }

            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                if (suffix == "ion" && !(_j >= 0 && _b[_j] is 's' or 't'))
                {
                    return;
                }

                if (Measure() > 1)
                {
                    _k = _j;
                }

                return;
            }
        }

        public void Step5()
        {
            _j = _k;
            if (_b[_k] == 'e')
            {
                var a = Measure();
                if (a > 1 || (a == 1 && !Cvc(_k - 1)))
                {
                    _k--;
                }
            }

            if (_b[_k] == 'l' && DoubleConsonant(_k) && Measure() > 1)
            {
                _k--;
            }
        }
    }
}
