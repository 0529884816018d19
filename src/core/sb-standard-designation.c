/* sb-standard-designation.c: parsing standard designations into their parts
 */
#define G_LOG_DOMAIN "sb-standard-designation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-standard-designation.h"

/* The first national standards date from 1949; a standard cannot be dated
 * after next year (drafts approved in December carry next year's date).
 */
#define FIRST_YEAR 1949
#define LAST_YEAR  2100

#define CHINESE_EXAMPLE       "GB/T 1.1-2020"
#define INTERNATIONAL_EXAMPLE "ISO 9001:2015"

typedef struct
{
  const char *code;
  const char *name;
} Industry;

/* 行业标准代号: the codes of the industry standards, as listed by the
 * Standardization Administration of China.
 */
static const Industry industries[] = {
  /* Translators: 安全生产 */
  { "AQ",  N_("Work safety") },
  /* Translators: 包装 */
  { "BB",  N_("Packaging") },
  /* Translators: 船舶 */
  { "CB",  N_("Shipbuilding") },
  /* Translators: 测绘 */
  { "CH",  N_("Surveying and mapping") },
  /* Translators: 城镇建设 */
  { "CJ",  N_("Urban construction") },
  /* Translators: 城镇建设工程 */
  { "CJJ", N_("Urban construction engineering") },
  /* Translators: 新闻出版 */
  { "CY",  N_("Press and publishing") },
  /* Translators: 档案 */
  { "DA",  N_("Archives") },
  /* Translators: 地震 (DB/T; DB14 is local) */
  { "DB",  N_("Seismology") },
  /* Translators: 电力 */
  { "DL",  N_("Electric power") },
  /* Translators: 地质矿产 */
  { "DZ",  N_("Geology and mineral resources") },
  /* Translators: 核工业 */
  { "EJ",  N_("Nuclear industry") },
  /* Translators: 纺织 */
  { "FZ",  N_("Textiles") },
  /* Translators: 公共安全 */
  { "GA",  N_("Public security") },
  /* Translators: 供销合作 */
  { "GH",  N_("Supply and marketing co-operatives") },
  /* Translators: 密码 */
  { "GM",  N_("Cryptography") },
  /* Translators: 广播电影电视 */
  { "GY",  N_("Radio, film and television") },
  /* Translators: 航空 */
  { "HB",  N_("Aviation") },
  /* Translators: 化工 */
  { "HG",  N_("Chemical industry") },
  /* Translators: 生态环境 */
  { "HJ",  N_("Ecology and environment") },
  /* Translators: 海关 */
  { "HS",  N_("Customs") },
  /* Translators: 海洋 */
  { "HY",  N_("Oceans") },
  /* Translators: 机械 */
  { "JB",  N_("Machinery") },
  /* Translators: 建材 */
  { "JC",  N_("Building materials") },
  /* Translators: 建筑工业 */
  { "JG",  N_("Construction industry") },
  /* Translators: 建筑工程 */
  { "JGJ", N_("Building engineering") },
  /* Translators: 金融 */
  { "JR",  N_("Finance") },
  /* Translators: 交通 */
  { "JT",  N_("Transport") },
  /* Translators: 教育 */
  { "JY",  N_("Education") },
  /* Translators: 旅游 */
  { "LB",  N_("Tourism") },
  /* Translators: 劳动和劳动安全 */
  { "LD",  N_("Labour and labour safety") },
  /* Translators: 粮食 */
  { "LS",  N_("Grain") },
  /* Translators: 林业 */
  { "LY",  N_("Forestry") },
  /* Translators: 民用航空 */
  { "MH",  N_("Civil aviation") },
  /* Translators: 煤炭 */
  { "MT",  N_("Coal") },
  /* Translators: 民政 */
  { "MZ",  N_("Civil affairs") },
  /* Translators: 能源 */
  { "NB",  N_("Energy") },
  /* Translators: 农业 */
  { "NY",  N_("Agriculture") },
  /* Translators: 轻工 */
  { "QB",  N_("Light industry") },
  /* Translators: 汽车 */
  { "QC",  N_("Automotive") },
  /* Translators: 航天 */
  { "QJ",  N_("Aerospace") },
  /* Translators: 气象 */
  { "QX",  N_("Meteorology") },
  /* Translators: 认证认可 */
  { "RB",  N_("Certification and accreditation") },
  /* Translators: 国内贸易 */
  { "SB",  N_("Domestic trade") },
  /* Translators: 水产 */
  { "SC",  N_("Fisheries") },
  /* Translators: 司法 */
  { "SF",  N_("Justice") },
  /* Translators: 石油化工 */
  { "SH",  N_("Petrochemicals") },
  /* Translators: 电子 */
  { "SJ",  N_("Electronics") },
  /* Translators: 水利 */
  { "SL",  N_("Water resources") },
  /* Translators: 出入境检验检疫 */
  { "SN",  N_("Entry-exit inspection and quarantine") },
  /* Translators: 石油天然气 */
  { "SY",  N_("Oil and natural gas") },
  /* Translators: 铁路运输 */
  { "TB",  N_("Railways") },
  /* Translators: 土地管理 */
  { "TD",  N_("Land administration") },
  /* Translators: 体育 */
  { "TY",  N_("Sport") },
  /* Translators: 物资管理 */
  { "WB",  N_("Materials management") },
  /* Translators: 文化 */
  { "WH",  N_("Culture") },
  /* Translators: 兵工民品 */
  { "WJ",  N_("Ordnance industry civil products") },
  /* Translators: 外经贸 */
  { "WM",  N_("Foreign trade and economic co-operation") },
  /* Translators: 卫生 */
  { "WS",  N_("Health") },
  /* Translators: 文物保护 */
  { "WW",  N_("Cultural heritage") },
  /* Translators: 稀土 */
  { "XB",  N_("Rare earths") },
  /* Translators: 消防救援 */
  { "XF",  N_("Fire and rescue") },
  /* Translators: 黑色冶金 */
  { "YB",  N_("Ferrous metallurgy") },
  /* Translators: 烟草 */
  { "YC",  N_("Tobacco") },
  /* Translators: 通信 */
  { "YD",  N_("Telecommunications") },
  /* Translators: 有色冶金 */
  { "YS",  N_("Non-ferrous metallurgy") },
  /* Translators: 医药 */
  { "YY",  N_("Pharmaceuticals and medical devices") },
  /* Translators: 邮政 */
  { "YZ",  N_("Postal services") },
  /* Translators: 中医药 */
  { "ZY",  N_("Traditional Chinese medicine") },
};

/* GB (national), GBZ (national occupational health), GBJ (the former
 * national engineering standards).
 */
static const char * const national_codes[] = { "GB", "GBZ", "GBJ" };

static const char * const international_codes[] = { "ISO", "IEC" };

/* Bodies that publish jointly with ISO or IEC: ISO/IEC, ISO/IEC/IEEE,
 * ISO/ASTM, ISO/CIE.
 */
static const char * const joint_codes[] = { "ISO", "IEC", "IEEE", "ASTM", "CIE" };

/* Technical specifications and reports, publicly available specifications
 * and guides, as in ISO/TS 16949 or ISO/IEC Guide 98-3.
 */
static const char * const document_types[] = { "TS", "TR", "PAS", "GUIDE" };

/* GB/T 2260 province codes, the two digits after DB in a local standard. */
static const int province_codes[] = {
  11, 12, 13, 14, 15,
  21, 22, 23,
  31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54,
  61, 62, 63, 64, 65,
  71, 81, 82,
};

static const char * const level_names[] = {
  [SB_STANDARD_LEVEL_INTERNATIONAL] = "international",
  [SB_STANDARD_LEVEL_NATIONAL]      = "national",
  [SB_STANDARD_LEVEL_INDUSTRY]      = "industry",
  [SB_STANDARD_LEVEL_LOCAL]         = "local",
  [SB_STANDARD_LEVEL_GROUP]         = "group",
};

static const char * const level_labels[] = {
  /* Translators: the level of a standard (国际标准) */
  [SB_STANDARD_LEVEL_INTERNATIONAL] = N_("International"),
  /* Translators: the level of a standard (国家标准) */
  [SB_STANDARD_LEVEL_NATIONAL]      = N_("National"),
  /* Translators: the level of a standard (行业标准) */
  [SB_STANDARD_LEVEL_INDUSTRY]      = N_("Industry"),
  /* Translators: the level of a standard (地方标准) */
  [SB_STANDARD_LEVEL_LOCAL]         = N_("Local"),
  /* Translators: the level of a standard (团体标准) */
  [SB_STANDARD_LEVEL_GROUP]         = N_("Group"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (level_names) == SB_N_STANDARD_LEVELS);
G_STATIC_ASSERT (G_N_ELEMENTS (level_labels) == SB_N_STANDARD_LEVELS);

G_DEFINE_QUARK (sb-standard-designation-error-quark, sb_standard_designation_error)

static SbStandardDesignation *parse_designation (const char  *shown,
                                                 const char  *clean,
                                                 GError     **error);

static gboolean
in_list (const char * const *list,
         gsize               n_items,
         const char         *word)
{
  for (gsize i = 0; i < n_items; i++)
    {
      if (g_str_equal (list[i], word))
        return TRUE;
    }

  return FALSE;
}

static const Industry *
find_industry (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    {
      if (g_ascii_strcasecmp (industries[i].code, code) == 0)
        return &industries[i];
    }

  return NULL;
}

static gboolean
is_national_code (const char *code)
{
  return in_list (national_codes, G_N_ELEMENTS (national_codes), code);
}

static gboolean
is_chinese_code (const char *code)
{
  return is_national_code (code) || find_industry (code) != NULL;
}

static gboolean
is_province_code (const char *digits)
{
  int code = (digits[0] - '0') * 10 + (digits[1] - '0');

  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    {
      if (province_codes[i] == code)
        return TRUE;
    }

  return FALSE;
}

static int
get_last_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (now == NULL)
    return LAST_YEAR;

  return MIN (g_date_time_get_year (now) + 1, LAST_YEAR);
}

/* Full-width forms (Ｇ Ｂ ／ Ｔ － ：), dashes, odd slashes and colons and
 * every kind of space become their plain ASCII selves; letters are
 * upper-cased.
 */
static gunichar
fold_character (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;

  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63)
    return '-';
  if (c == 0x2236 || c == 0xFE13 || c == 0xFE55)
    return ':';
  if (c == '\\' || c == 0x2044 || c == 0x2215)
    return '/';
  if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
    return ' ';
  if (c < 0x80)
    return (gunichar) g_ascii_toupper ((char) c);

  return c;
}

static gboolean
is_joiner (char c)
{
  return c == '/' || c == '-' || c == ':' || c == '.';
}

/* Folds @text and keeps single spaces only where they separate two words:
 * "gb / t  1.1 — 2020" becomes "GB/T 1.1-2020".
 */
static char *
clean_designation (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) folded = NULL;
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  folded = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (folded, fold_character (g_utf8_get_char (p)));

  out = g_string_sized_new (folded->len);
  for (gsize i = 0; i < folded->len; i++)
    {
      char c = folded->str[i];

      if (c == ' ')
        {
          char next = folded->str[i + 1];

          if (out->len == 0
              || next == ' '
              || next == '\0'
              || is_joiner (next)
              || is_joiner (out->str[out->len - 1]))
            continue;
        }

      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
read_letters (const char **p)
{
  const char *start = *p;

  while (g_ascii_isupper (**p))
    (*p)++;

  return g_strndup (start, *p - start);
}

static gboolean
is_four_digit_year (const char *p)
{
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
    }

  return !g_ascii_isdigit (p[4]);
}

/* DB14, DB 14/T, DB1401/T: DB and digits.  DB/T alone is the seismology
 * industry code.
 */
static gboolean
looks_local (const char *p)
{
  if (g_ascii_isdigit (*p))
    return TRUE;

  if (*p != ' ' || !g_ascii_isdigit (p[1]))
    return FALSE;

  for (p++; g_ascii_isdigit (*p); p++)
    ;

  return *p == '/' || *p == ' ';
}

/* GB, GB/T, GB/Z, JB/T …; also the informal GBT and JBT. */
static gboolean
parse_chinese_prefix (const char             *shown,
                      const char             *letters,
                      const char            **p,
                      SbStandardDesignation  *designation,
                      GError                **error)
{
  g_autofree char *code = NULL;
  SbStandardNature nature = SB_STANDARD_NATURE_MANDATORY;

  if (is_chinese_code (letters))
    {
      code = g_strdup (letters);
    }
  else
    {
      gsize len = strlen (letters);

      g_assert (len > 1);
      g_assert (letters[len - 1] == 'T' || letters[len - 1] == 'Z');
      code = g_strndup (letters, len - 1);
      nature = letters[len - 1] == 'T' ? SB_STANDARD_NATURE_RECOMMENDED
                                       : SB_STANDARD_NATURE_GUIDANCE;
    }

  if (nature == SB_STANDARD_NATURE_MANDATORY && **p == '/')
    {
      const char *q = *p + 1;
      g_autofree char *suffix = read_letters (&q);

      if (g_str_equal (suffix, "T"))
        nature = SB_STANDARD_NATURE_RECOMMENDED;
      else if (g_str_equal (suffix, "Z"))
        nature = SB_STANDARD_NATURE_GUIDANCE;
      else
        {
          g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                       /* Translators: "%s/%s" is a code such as GB/X, the last %s is GB */
                       _("“%s/%s” is not a known standard code: after %s only /T (recommended) or /Z (guidance) may follow"),
                       code, suffix, code);
          return FALSE;
        }
      *p = q;
    }

  designation->level = is_national_code (code) ? SB_STANDARD_LEVEL_NATIONAL
                                               : SB_STANDARD_LEVEL_INDUSTRY;
  designation->nature = nature;
  designation->issuer = g_strdup (code);

  switch (nature)
    {
    case SB_STANDARD_NATURE_RECOMMENDED:
      designation->prefix = g_strconcat (code, "/T", NULL);
      break;

    case SB_STANDARD_NATURE_GUIDANCE:
      designation->prefix = g_strconcat (code, "/Z", NULL);
      break;

    case SB_STANDARD_NATURE_MANDATORY:
    case SB_STANDARD_NATURE_NOT_APPLICABLE:
    default:
      designation->prefix = g_strdup (code);
      break;
    }

  return TRUE;
}

/* DB14, DB14/T, DB1401/T: the province (or city) code follows DB.  The
 * issuer is always the province, DB14.
 */
static gboolean
parse_local_prefix (const char             *shown,
                    const char            **p,
                    SbStandardDesignation  *designation,
                    GError                **error)
{
  g_autofree char *area = NULL;
  const char *end;
  gsize len;

  if (**p == ' ')
    (*p)++;

  for (end = *p; g_ascii_isdigit (*end); end++)
    ;
  area = g_strndup (*p, end - *p);
  len = strlen (area);
  *p = end;

  if ((len != 2 && len != 4) || !is_province_code (area))
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                   _("“DB%s” is not a local standard code: DB is followed by a province code such as 14, or a city code such as 1401"),
                   area);
      return FALSE;
    }

  designation->nature = SB_STANDARD_NATURE_MANDATORY;

  if (**p == '/')
    {
      const char *q = *p + 1;
      g_autofree char *suffix = read_letters (&q);

      if (!g_str_equal (suffix, "T"))
        {
          g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                       /* Translators: every %s but the second is a province code such as 14 */
                       _("“DB%s/%s” is not a local standard code: local standards are either mandatory (DB%s) or recommended (DB%s/T)"),
                       area, suffix, area, area);
          return FALSE;
        }
      designation->nature = SB_STANDARD_NATURE_RECOMMENDED;
      *p = q;
    }
  else if (**p == 'T' && !g_ascii_isupper ((*p)[1]))
    {
      /* DB14T 2345-2021 */
      designation->nature = SB_STANDARD_NATURE_RECOMMENDED;
      (*p)++;
    }

  designation->level = SB_STANDARD_LEVEL_LOCAL;
  designation->issuer = g_strdup_printf ("DB%.2s", area);
  designation->prefix = g_strdup_printf ("DB%s%s", area,
                                         designation->nature == SB_STANDARD_NATURE_RECOMMENDED ? "/T" : "");

  return TRUE;
}

/* T/CAS, T/SXBZ: T/ and the organisation's code, which may run straight
 * into the number (T/CAS123-2022).
 */
static gboolean
parse_group_prefix (const char             *shown,
                    const char            **p,
                    SbStandardDesignation  *designation,
                    GError                **error)
{
  const char *start = *p + 1;
  const char *end;
  const char *split;

  g_assert (**p == '/');

  for (end = start; g_ascii_isupper (*end) || g_ascii_isdigit (*end); end++)
    ;

  if (!g_ascii_isupper (*start))
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                   _("“%s” has no organisation code after T/; group standards are written as T/CAS 123-2022"),
                   shown);
      return FALSE;
    }

  split = end;
  if (*end != ' ')
    {
      while (split > start && g_ascii_isdigit (split[-1]))
        split--;
    }
  g_assert (split > start);

  designation->level = SB_STANDARD_LEVEL_GROUP;
  designation->nature = SB_STANDARD_NATURE_NOT_APPLICABLE;
  designation->issuer = g_strndup (start, split - start);
  designation->prefix = g_strconcat ("T/", designation->issuer, NULL);
  *p = split;

  return TRUE;
}

/* ISO, IEC, ISO/IEC, ISO/IEC/IEEE, ISO/TS, IEC TR, ISO/IEC Guide … */
static gboolean
parse_international_prefix (const char             *shown,
                            const char             *letters,
                            const char            **p,
                            SbStandardDesignation  *designation,
                            GError                **error)
{
  g_autoptr(GString) issuer = g_string_new (letters);
  g_autofree char *type = NULL;

  while (type == NULL && (**p == '/' || **p == ' '))
    {
      const char *q = *p + 1;
      g_autofree char *word = read_letters (&q);
      g_auto(GStrv) bodies = NULL;

      /* A space before the number */
      if (**p == ' ' && word[0] == '\0')
        break;

      bodies = g_strsplit (issuer->str, "/", -1);

      if (word[0] != '\0'
          && in_list (joint_codes, G_N_ELEMENTS (joint_codes), word)
          && !g_strv_contains ((const char * const *) bodies, word))
        {
          g_string_append_printf (issuer, "/%s", word);
        }
      else if (in_list (document_types, G_N_ELEMENTS (document_types), word))
        {
          type = g_steal_pointer (&word);
        }
      else
        {
          g_autofree char *wrong = g_strdup_printf ("%s%c%s", issuer->str, **p, word);

          g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                       _("“%s” is not a known standard code; international standards are written as ISO 9001:2015, ISO/IEC 27001:2022, ISO/TS 16949:2009 or ISO/IEC Guide 98-3:2008"),
                       wrong);
          return FALSE;
        }

      *p = q;
    }

  designation->level = SB_STANDARD_LEVEL_INTERNATIONAL;
  designation->nature = SB_STANDARD_NATURE_NOT_APPLICABLE;
  designation->issuer = g_strdup (issuer->str);

  /* Spelled as ISO and IEC do today */
  if (type == NULL)
    designation->prefix = g_strdup (issuer->str);
  else if (g_str_equal (type, "GUIDE"))
    designation->prefix = g_strconcat (issuer->str, " Guide", NULL);
  else if (g_str_equal (issuer->str, "ISO"))
    designation->prefix = g_strconcat (issuer->str, "/", type, NULL);
  else
    designation->prefix = g_strconcat (issuer->str, " ", type, NULL);

  return TRUE;
}

/* 1.1, 7714.1 for Chinese standards; 60601-1 for ISO and IEC. */
static gboolean
parse_number (const char             *shown,
              const char            **p,
              gboolean                international,
              SbStandardDesignation  *designation,
              GError                **error)
{
  char separator = international ? '-' : '.';
  const char *start = *p;

  if (!g_ascii_isdigit (**p))
    {
      if (**p == '\0' || **p == '-' || **p == ':')
        {
          g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_NUMBER,
                       /* Translators: %s is the designation as typed, e.g. GB/T */
                       _("“%s” has no standard number"),
                       shown);
          return FALSE;
        }
      goto malformed;
    }

  while (g_ascii_isdigit (**p))
    (*p)++;

  while (**p == separator && g_ascii_isdigit ((*p)[1]))
    {
      (*p)++;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  if (**p != '\0' && **p != ' ' && **p != ':' && (international || **p != '-'))
    goto malformed;

  designation->number = g_strndup (start, *p - start);
  return TRUE;

malformed:
  if (international)
    g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_NUMBER,
                 _("“%s” does not have a valid standard number: it is made of digits, with a hyphen before a part number, as in IEC 60601-1:2005"),
                 shown);
  else
    g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_NUMBER,
                 _("“%s” does not have a valid standard number: it is made of digits, with a dot before a part number, as in GB/T 1.1-2020"),
                 shown);
  return FALSE;
}

/* -2020 (also -93 for 1993) for Chinese standards, :2015 for ISO and IEC;
 * a space before a four-digit year is forgiven.
 */
static gboolean
parse_year (const char             *shown,
            const char            **p,
            gboolean                international,
            SbStandardDesignation  *designation,
            GError                **error)
{
  const char *example = international ? INTERNATIONAL_EXAMPLE : CHINESE_EXAMPLE;
  const char *q = *p;
  const char *digits;
  gsize n_digits;
  int year = 0;
  int last_year;

  if (*q == '-' || *q == ':' || (*q == ' ' && is_four_digit_year (q + 1)))
    q++;

  for (digits = q; g_ascii_isdigit (*q); q++)
    {
      if (q - digits < 4)
        year = year * 10 + (*q - '0');
    }
  n_digits = q - digits;

  if (n_digits == 0)
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_YEAR,
                   /* Translators: the first %s is the designation, the second an example */
                   _("“%s” has no edition year; the year is required, as in %s"),
                   shown, example);
      return FALSE;
    }

  /* Two-digit years were used until the 1990s: GB 3100-93 */
  if (n_digits == 2)
    year += 1900;

  if ((n_digits != 2 && n_digits != 4) || (n_digits == 2 && year < FIRST_YEAR))
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_YEAR,
                   /* Translators: the first %s is the designation, the second an example */
                   _("“%s” does not have a valid edition year: write the year with four digits, as in %s"),
                   shown, example);
      return FALSE;
    }

  last_year = get_last_year ();
  if (year < FIRST_YEAR || year > last_year)
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_YEAR,
                   /* Translators: %s is the designation; the first %d its year */
                   _("“%s” cannot be right: the edition year %d is not between %d and %d"),
                   shown, year, FIRST_YEAR, last_year);
      return FALSE;
    }

  designation->year = year;
  *p = q;
  return TRUE;
}

/* Nothing may follow the year but, on a Chinese standard, the international
 * standard it adopts: GB/T 19001-2016/ISO 9001:2015.
 */
static gboolean
parse_end (const char  *shown,
           const char  *p,
           gboolean     international,
           GError     **error)
{
  if (*p == '\0')
    return TRUE;

  if (!international && *p == '/')
    {
      g_autoptr(SbStandardDesignation) adopted = parse_designation (shown, p + 1, NULL);

      if (adopted != NULL && adopted->level == SB_STANDARD_LEVEL_INTERNATIONAL)
        return TRUE;
    }

  g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_YEAR,
               /* Translators: the first %s is the designation, the second an example */
               _("“%s” should end with its edition year; enter the designation alone, as in %s"),
               shown, international ? INTERNATIONAL_EXAMPLE : CHINESE_EXAMPLE);
  return FALSE;
}

static SbStandardDesignation *
parse_designation (const char  *shown,
                   const char  *clean,
                   GError     **error)
{
  g_autoptr(SbStandardDesignation) designation = g_new0 (SbStandardDesignation, 1);
  g_autofree char *letters = NULL;
  const char *p = clean;
  gboolean international = FALSE;
  gboolean ok;

  letters = read_letters (&p);

  if (letters[0] == '\0')
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                   _("“%s” does not start with a standard code such as GB, GB/T, DB14/T, T/… or ISO"),
                   shown);
      return NULL;
    }

  if (g_str_equal (letters, "Q") && (*p == '/' || *p == ' ' || *p == '\0'))
    {
      g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_ENTERPRISE,
                   _("“%s” is an enterprise standard (Q/…): enterprise standards do not count for Art. 11 (3), which asks for international, national, industry, local or group standards"),
                   shown);
      return NULL;
    }

  if (g_str_equal (letters, "T") && *p == '/')
    {
      ok = parse_group_prefix (shown, &p, designation, error);
    }
  else if (g_str_equal (letters, "DB") && looks_local (p))
    {
      ok = parse_local_prefix (shown, &p, designation, error);
    }
  else if (in_list (international_codes, G_N_ELEMENTS (international_codes), letters))
    {
      international = TRUE;
      ok = parse_international_prefix (shown, letters, &p, designation, error);
    }
  else
    {
      gsize len = strlen (letters);
      g_autofree char *without_nature = g_strndup (letters, len - 1);

      if (!is_chinese_code (letters)
          && !(len > 1
               && (letters[len - 1] == 'T' || letters[len - 1] == 'Z')
               && is_chinese_code (without_nature)))
        {
          g_set_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                       _("“%s” is not a known standard code; a designation starts with GB, an industry code such as JB or MT, DB14, T/ or ISO"),
                       letters);
          return NULL;
        }

      ok = parse_chinese_prefix (shown, letters, &p, designation, error);
    }

  if (!ok)
    return NULL;

  if (*p == ' ')
    p++;

  if (!parse_number (shown, &p, international, designation, error)
      || !parse_year (shown, &p, international, designation, error)
      || !parse_end (shown, p, international, error))
    return NULL;

  if (international)
    designation->normalised = g_strdup_printf ("%s %s:%d", designation->prefix,
                                               designation->number, designation->year);
  else
    designation->normalised = g_strdup_printf ("%s %s-%d", designation->prefix,
                                               designation->number, designation->year);

  return g_steal_pointer (&designation);
}

/**
 * sb_standard_designation_parse:
 * @text: (nullable): a designation as typed, e.g. "gb/t 1.1—2020"
 * @error: return location for a #GError in the
 *   %SB_STANDARD_DESIGNATION_ERROR domain
 *
 * Parses a designation, forgiving case, spaces, full-width characters and
 * dashes, into its parts and the level it implies.  A Chinese designation may
 * be followed by the international standard it adopts
 * ("GB/T 19001-2016/ISO 9001:2015"), which is checked and dropped.
 *
 * Returns: (transfer full) (nullable): the parts, or %NULL with @error set
 */
SbStandardDesignation *
sb_standard_designation_parse (const char  *text,
                               GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *clean = NULL;

  if (text == NULL)
    text = "";

  clean = clean_designation (text);
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_EMPTY,
                           _("No standard designation was given"));
      return NULL;
    }

  shown = g_utf8_make_valid (text, -1);
  g_strstrip (shown);

  return parse_designation (shown, clean, error);
}

void
sb_standard_designation_free (SbStandardDesignation *designation)
{
  if (designation == NULL)
    return;

  g_free (designation->normalised);
  g_free (designation->prefix);
  g_free (designation->issuer);
  g_free (designation->number);
  g_free (designation);
}

/**
 * sb_standard_level_to_string:
 * @level: a level
 *
 * Returns: the level's name for storage: "international", "national",
 *   "industry", "local" or "group"
 */
const char *
sb_standard_level_to_string (SbStandardLevel level)
{
  g_return_val_if_fail ((guint) level < SB_N_STANDARD_LEVELS, NULL);

  return level_names[level];
}

/**
 * sb_standard_level_from_string:
 * @text: (nullable): a name from sb_standard_level_to_string()
 * @level: (out): the level
 *
 * Returns: %TRUE if @text names a level (ignoring case)
 */
gboolean
sb_standard_level_from_string (const char      *text,
                               SbStandardLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < SB_N_STANDARD_LEVELS; i++)
    {
      if (g_ascii_strcasecmp (text, level_names[i]) == 0)
        {
          *level = (SbStandardLevel) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_standard_level_get_label:
 * @level: a level
 *
 * Returns: the level's translated name, e.g. “National”
 */
const char *
sb_standard_level_get_label (SbStandardLevel level)
{
  g_return_val_if_fail ((guint) level < SB_N_STANDARD_LEVELS, NULL);

  return _(level_labels[level]);
}

/**
 * sb_standard_industry_get_label:
 * @code: an industry standard code, e.g. "JB" or "MT" (case is ignored)
 *
 * Returns: (nullable): the translated name of the industry, e.g.
 *   “Machinery”, or %NULL if @code is not an industry standard code
 */
const char *
sb_standard_industry_get_label (const char *code)
{
  const Industry *industry;

  g_return_val_if_fail (code != NULL, NULL);

  industry = find_industry (code);
  return industry != NULL ? _(industry->name) : NULL;
}
