/* test-standard-designation.c: parsing standard designations
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "sb-standard-designation.h"

typedef struct
{
  const char       *text;
  const char       *normalised;
  const char       *prefix;
  const char       *issuer;
  const char       *number;
  int               year;
  SbStandardLevel   level;
  SbStandardNature  nature;
} Expected;

#define INTERNATIONAL SB_STANDARD_LEVEL_INTERNATIONAL
#define NATIONAL      SB_STANDARD_LEVEL_NATIONAL
#define INDUSTRY      SB_STANDARD_LEVEL_INDUSTRY
#define LOCAL         SB_STANDARD_LEVEL_LOCAL
#define GROUP         SB_STANDARD_LEVEL_GROUP

#define MANDATORY      SB_STANDARD_NATURE_MANDATORY
#define RECOMMENDED    SB_STANDARD_NATURE_RECOMMENDED
#define GUIDANCE       SB_STANDARD_NATURE_GUIDANCE
#define NOT_APPLICABLE SB_STANDARD_NATURE_NOT_APPLICABLE

static void
check_expected (const Expected *expected,
                guint           n_expected)
{
  for (guint i = 0; i < n_expected; i++)
    {
      const Expected *e = &expected[i];
      g_autoptr(SbStandardDesignation) designation = NULL;
      g_autoptr(SbStandardDesignation) again = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("parsing “%s”", e->text);
      designation = sb_standard_designation_parse (e->text, &error);
      g_assert_no_error (error);
      g_assert_nonnull (designation);

      g_assert_cmpstr (designation->normalised, ==, e->normalised);
      g_assert_cmpstr (designation->prefix, ==, e->prefix);
      g_assert_cmpstr (designation->issuer, ==, e->issuer);
      g_assert_cmpstr (designation->number, ==, e->number);
      g_assert_cmpint (designation->year, ==, e->year);
      g_assert_cmpint (designation->level, ==, e->level);
      g_assert_cmpint (designation->nature, ==, e->nature);

      /* The canonical spelling parses to itself */
      again = sb_standard_designation_parse (designation->normalised, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again->normalised, ==, designation->normalised);
      g_assert_cmpint (again->level, ==, designation->level);
      g_assert_cmpint (again->nature, ==, designation->nature);
    }
}

static void
assert_designation_error (const char                 *text,
                          SbStandardDesignationError  code,
                          const char                 *in_message)
{
  g_autoptr(SbStandardDesignation) designation = NULL;
  g_autoptr(GError) error = NULL;

  designation = sb_standard_designation_parse (text, &error);
  g_assert_null (designation);
  g_assert_error (error, SB_STANDARD_DESIGNATION_ERROR, (int) code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” should be in the message “%s” (parsing “%s”)",
             in_message, error->message, text);

  /* Without a GError, too */
  g_assert_null (sb_standard_designation_parse (text, NULL));
}

static void
test_national (void)
{
  static const Expected expected[] = {
    { "GB 17859-1999", "GB 17859-1999", "GB", "GB", "17859", 1999, NATIONAL, MANDATORY },
    { "GB/T 1.1-2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "GB/Z 43510-2023", "GB/Z 43510-2023", "GB/Z", "GB", "43510", 2023, NATIONAL, GUIDANCE },
    { "GB/T 7714.1-2015", "GB/T 7714.1-2015", "GB/T", "GB", "7714.1", 2015, NATIONAL, RECOMMENDED },
    { "GB 4943.1-2022", "GB 4943.1-2022", "GB", "GB", "4943.1", 2022, NATIONAL, MANDATORY },
    { "GB/T 20000.1.2-2014", "GB/T 20000.1.2-2014", "GB/T", "GB", "20000.1.2", 2014, NATIONAL, RECOMMENDED },
    /* National occupational health standards */
    { "GBZ 2.1-2019", "GBZ 2.1-2019", "GBZ", "GBZ", "2.1", 2019, NATIONAL, MANDATORY },
    { "GBZ/T 229.1-2010", "GBZ/T 229.1-2010", "GBZ/T", "GBZ", "229.1", 2010, NATIONAL, RECOMMENDED },
    /* The old national engineering standards */
    { "GBJ 16-87", "GBJ 16-1987", "GBJ", "GBJ", "16", 1987, NATIONAL, MANDATORY },
  };

  check_expected (expected, G_N_ELEMENTS (expected));
}

static void
test_two_digit_year (void)
{
  static const Expected expected[] = {
    { "GB 3100-93", "GB 3100-1993", "GB", "GB", "3100", 1993, NATIONAL, MANDATORY },
    { "GB 2312-80", "GB 2312-1980", "GB", "GB", "2312", 1980, NATIONAL, MANDATORY },
    { "GB/T 2260-49", "GB/T 2260-1949", "GB/T", "GB", "2260", 1949, NATIONAL, RECOMMENDED },
    { "ISO 9001:87", "ISO 9001:1987", "ISO", "ISO", "9001", 1987, INTERNATIONAL, NOT_APPLICABLE },
  };

  check_expected (expected, G_N_ELEMENTS (expected));

  /* 19xx before 1949 cannot be meant; 20 is not 2020 */
  assert_designation_error ("GB 3100-48", SB_STANDARD_DESIGNATION_ERROR_YEAR, "four digits");
  assert_designation_error ("GB/T 1.1-20", SB_STANDARD_DESIGNATION_ERROR_YEAR, "four digits");
}

static void
test_industry (void)
{
  static const Expected expected[] = {
    { "JB/T 10000-2019", "JB/T 10000-2019", "JB/T", "JB", "10000", 2019, INDUSTRY, RECOMMENDED },
    { "MT 113-1995", "MT 113-1995", "MT", "MT", "113", 1995, INDUSTRY, MANDATORY },
    { "MT/T 1198-2023", "MT/T 1198-2023", "MT/T", "MT", "1198", 2023, INDUSTRY, RECOMMENDED },
    { "YD/T 1171-2015", "YD/T 1171-2015", "YD/T", "YD", "1171", 2015, INDUSTRY, RECOMMENDED },
    { "SJ/Z 11362-2006", "SJ/Z 11362-2006", "SJ/Z", "SJ", "11362", 2006, INDUSTRY, GUIDANCE },
    { "GM/T 0003.1-2012", "GM/T 0003.1-2012", "GM/T", "GM", "0003.1", 2012, INDUSTRY, RECOMMENDED },
    { "JGJ 3-2010", "JGJ 3-2010", "JGJ", "JGJ", "3", 2010, INDUSTRY, MANDATORY },
    { "CJJ 1-2008", "CJJ 1-2008", "CJJ", "CJJ", "1", 2008, INDUSTRY, MANDATORY },
    { "NB/T 10001-2016", "NB/T 10001-2016", "NB/T", "NB", "10001", 2016, INDUSTRY, RECOMMENDED },
    { "AQ 1029-2019", "AQ 1029-2019", "AQ", "AQ", "1029", 2019, INDUSTRY, MANDATORY },
    { "YS/T 1-2015", "YS/T 1-2015", "YS/T", "YS", "1", 2015, INDUSTRY, RECOMMENDED },
    { "TB/T 3139-2021", "TB/T 3139-2021", "TB/T", "TB", "3139", 2021, INDUSTRY, RECOMMENDED },
    { "QC/T 29106-2014", "QC/T 29106-2014", "QC/T", "QC", "29106", 2014, INDUSTRY, RECOMMENDED },
    { "QB/T 1333-2018", "QB/T 1333-2018", "QB/T", "QB", "1333", 2018, INDUSTRY, RECOMMENDED },
    /* DB without digits is the seismology industry, not a local standard */
    { "DB/T 15-2009", "DB/T 15-2009", "DB/T", "DB", "15", 2009, INDUSTRY, RECOMMENDED },
  };
  static const char *codes[] = {
    "JB", "MT", "TB", "YS", "YB", "SJ", "YD", "HG", "SH", "DL", "NB", "QC",
    "JT", "JG", "CJ", "HJ", "NY", "SY", "GA", "WS", "YY", "QB", "FZ", "SN",
    "JR", "SL", "HY", "GY", "LY", "CH", "DZ", "EJ", "HB", "QJ", "WJ", "CB",
    "AQ", "BB", "DA", "GH", "JC", "JY", "GM", "JGJ", "CJJ", "XF", "RB", "ZY",
  };

  check_expected (expected, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s/T 123-2020", codes[i]);
      g_autoptr(SbStandardDesignation) designation = NULL;
      g_autoptr(GError) error = NULL;

      designation = sb_standard_designation_parse (text, &error);
      g_assert_no_error (error);
      g_assert_cmpint (designation->level, ==, INDUSTRY);
      g_assert_cmpstr (designation->issuer, ==, codes[i]);
      g_assert_nonnull (sb_standard_industry_get_label (codes[i]));
    }
}

static void
test_industry_label (void)
{
  g_assert_cmpstr (sb_standard_industry_get_label ("JB"), ==, "Machinery");
  g_assert_cmpstr (sb_standard_industry_get_label ("mt"), ==, "Coal");
  g_assert_cmpstr (sb_standard_industry_get_label ("DB"), ==, "Seismology");
  g_assert_null (sb_standard_industry_get_label ("GB"));
  g_assert_null (sb_standard_industry_get_label ("ISO"));
  g_assert_null (sb_standard_industry_get_label ("XX"));
  g_assert_null (sb_standard_industry_get_label (""));
}

static void
test_local (void)
{
  static const Expected expected[] = {
    { "DB14/T 2345-2021", "DB14/T 2345-2021", "DB14/T", "DB14", "2345", 2021, LOCAL, RECOMMENDED },
    { "DB14 1234-2020", "DB14 1234-2020", "DB14", "DB14", "1234", 2020, LOCAL, MANDATORY },
    { "DB1401/T 12-2022", "DB1401/T 12-2022", "DB1401/T", "DB14", "12", 2022, LOCAL, RECOMMENDED },
    { "DB1405 3-2023", "DB1405 3-2023", "DB1405", "DB14", "3", 2023, LOCAL, MANDATORY },
    { "DB11/T 1322.1-2017", "DB11/T 1322.1-2017", "DB11/T", "DB11", "1322.1", 2017, LOCAL, RECOMMENDED },
    /* Spaces where none belong, none where one does */
    { "DB 14/T 2345-2021", "DB14/T 2345-2021", "DB14/T", "DB14", "2345", 2021, LOCAL, RECOMMENDED },
    { "DB14/T2345-2021", "DB14/T 2345-2021", "DB14/T", "DB14", "2345", 2021, LOCAL, RECOMMENDED },
    { "DB14T 2345-2021", "DB14/T 2345-2021", "DB14/T", "DB14", "2345", 2021, LOCAL, RECOMMENDED },
    { "db14 / t 2345 - 2021", "DB14/T 2345-2021", "DB14/T", "DB14", "2345", 2021, LOCAL, RECOMMENDED },
  };

  check_expected (expected, G_N_ELEMENTS (expected));
}

static void
test_group (void)
{
  static const Expected expected[] = {
    { "T/CAS 123-2022", "T/CAS 123-2022", "T/CAS", "CAS", "123", 2022, GROUP, NOT_APPLICABLE },
    { "T/SXBZ 001-2021", "T/SXBZ 001-2021", "T/SXBZ", "SXBZ", "001", 2021, GROUP, NOT_APPLICABLE },
    { "T/CAS123-2022", "T/CAS 123-2022", "T/CAS", "CAS", "123", 2022, GROUP, NOT_APPLICABLE },
    { "T/CECS 10128.1-2021", "T/CECS 10128.1-2021", "T/CECS", "CECS", "10128.1", 2021, GROUP, NOT_APPLICABLE },
    { "T/SX3D 7-2024", "T/SX3D 7-2024", "T/SX3D", "SX3D", "7", 2024, GROUP, NOT_APPLICABLE },
    { "t/cas 123-2022", "T/CAS 123-2022", "T/CAS", "CAS", "123", 2022, GROUP, NOT_APPLICABLE },
  };

  check_expected (expected, G_N_ELEMENTS (expected));
}

static void
test_international (void)
{
  static const Expected expected[] = {
    { "ISO 9001:2015", "ISO 9001:2015", "ISO", "ISO", "9001", 2015, INTERNATIONAL, NOT_APPLICABLE },
    { "IEC 60601-1:2005", "IEC 60601-1:2005", "IEC", "IEC", "60601-1", 2005, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/IEC 27001:2022", "ISO/IEC 27001:2022", "ISO/IEC", "ISO/IEC", "27001", 2022, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/TS 16949:2009", "ISO/TS 16949:2009", "ISO/TS", "ISO", "16949", 2009, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/IEC Guide 98-3:2008", "ISO/IEC Guide 98-3:2008", "ISO/IEC Guide", "ISO/IEC", "98-3", 2008, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO Guide 35:2017", "ISO Guide 35:2017", "ISO Guide", "ISO", "35", 2017, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/IEC TR 20000-2:2019", "ISO/IEC TR 20000-2:2019", "ISO/IEC TR", "ISO/IEC", "20000-2", 2019, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/IEC/IEEE 12207:2017", "ISO/IEC/IEEE 12207:2017", "ISO/IEC/IEEE", "ISO/IEC/IEEE", "12207", 2017, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/ASTM 52900:2021", "ISO/ASTM 52900:2021", "ISO/ASTM", "ISO/ASTM", "52900", 2021, INTERNATIONAL, NOT_APPLICABLE },
    { "IEC TS 62257-1:2015", "IEC TS 62257-1:2015", "IEC TS", "IEC", "62257-1", 2015, INTERNATIONAL, NOT_APPLICABLE },
    /* The older spelling of IEC technical specifications */
    { "IEC/TS 60034-27:2006", "IEC TS 60034-27:2006", "IEC TS", "IEC", "60034-27", 2006, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/IEC TR 29110-5-1-2:2011", "ISO/IEC TR 29110-5-1-2:2011", "ISO/IEC TR", "ISO/IEC", "29110-5-1-2", 2011, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO/PAS 45005:2020", "ISO/PAS 45005:2020", "ISO/PAS", "ISO", "45005", 2020, INTERNATIONAL, NOT_APPLICABLE },
  };

  check_expected (expected, G_N_ELEMENTS (expected));
}

static void
test_tolerant (void)
{
  static const Expected expected[] = {
    /* Case */
    { "gb/t 1.1-2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "Gb/t 1.1-2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "iso/iec guide 98-3:2008", "ISO/IEC Guide 98-3:2008", "ISO/IEC Guide", "ISO/IEC", "98-3", 2008, INTERNATIONAL, NOT_APPLICABLE },
    { "jb/t 10000-2019", "JB/T 10000-2019", "JB/T", "JB", "10000", 2019, INDUSTRY, RECOMMENDED },
    /* Extra and missing spaces */
    { "  GB / T   1.1 - 2020  ", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "GB/T1.1-2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "GB17859-1999", "GB 17859-1999", "GB", "GB", "17859", 1999, NATIONAL, MANDATORY },
    { "GB/T 1.1 2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "ISO9001:2015", "ISO 9001:2015", "ISO", "ISO", "9001", 2015, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO 9001 : 2015", "ISO 9001:2015", "ISO", "ISO", "9001", 2015, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO IEC 27001:2022", "ISO/IEC 27001:2022", "ISO/IEC", "ISO/IEC", "27001", 2022, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO / TS 16949 : 2009", "ISO/TS 16949:2009", "ISO/TS", "ISO", "16949", 2009, INTERNATIONAL, NOT_APPLICABLE },
    { "T / CAS 123 - 2022", "T/CAS 123-2022", "T/CAS", "CAS", "123", 2022, GROUP, NOT_APPLICABLE },
    { "GB/T\t1.1-2020\n", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    /* Full-width characters, as a Chinese input method types them */
    { "GB／T 1.1－2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "ＧＢ／Ｔ　１．１－２０２０", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "ISO 9001：2015", "ISO 9001:2015", "ISO", "ISO", "9001", 2015, INTERNATIONAL, NOT_APPLICABLE },
    { "ISO／IEC 27001：2022", "ISO/IEC 27001:2022", "ISO/IEC", "ISO/IEC", "27001", 2022, INTERNATIONAL, NOT_APPLICABLE },
    { "DB14／T 2345—2021", "DB14/T 2345-2021", "DB14/T", "DB14", "2345", 2021, LOCAL, RECOMMENDED },
    { "Ｔ／ＣＡＳ　１２３－２０２２", "T/CAS 123-2022", "T/CAS", "CAS", "123", 2022, GROUP, NOT_APPLICABLE },
    /* Dashes of every length, a backslash for a slash */
    { "GB/T 1.1–2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "GB/T 1.1—2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "GB\\T 1.1-2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    /* The informal GBT, JBT, GBZ/T written without the slash */
    { "GBT 1.1-2020", "GB/T 1.1-2020", "GB/T", "GB", "1.1", 2020, NATIONAL, RECOMMENDED },
    { "JBT 10000-2019", "JB/T 10000-2019", "JB/T", "JB", "10000", 2019, INDUSTRY, RECOMMENDED },
    { "GBZT 229.1-2010", "GBZ/T 229.1-2010", "GBZ/T", "GBZ", "229.1", 2010, NATIONAL, RECOMMENDED },
    /* A colon for the year of a Chinese standard */
    { "GB/T 19001:2016", "GB/T 19001-2016", "GB/T", "GB", "19001", 2016, NATIONAL, RECOMMENDED },
  };

  check_expected (expected, G_N_ELEMENTS (expected));
}

static void
test_adoption (void)
{
  static const Expected expected[] = {
    { "GB/T 19001-2016/ISO 9001:2015", "GB/T 19001-2016", "GB/T", "GB", "19001", 2016, NATIONAL, RECOMMENDED },
    { "GB/T 22080-2016 / ISO/IEC 27001:2013", "GB/T 22080-2016", "GB/T", "GB", "22080", 2016, NATIONAL, RECOMMENDED },
  };

  check_expected (expected, G_N_ELEMENTS (expected));

  /* What follows must be an international standard */
  assert_designation_error ("GB/T 19001-2016/GB 1234-2000", SB_STANDARD_DESIGNATION_ERROR_YEAR,
                            "should end with its edition year");
  assert_designation_error ("GB/T 19001-2016/ISO 9001", SB_STANDARD_DESIGNATION_ERROR_YEAR,
                            "should end with its edition year");
}

static void
test_empty (void)
{
  assert_designation_error (NULL, SB_STANDARD_DESIGNATION_ERROR_EMPTY, NULL);
  assert_designation_error ("", SB_STANDARD_DESIGNATION_ERROR_EMPTY, NULL);
  assert_designation_error ("   ", SB_STANDARD_DESIGNATION_ERROR_EMPTY, NULL);
  assert_designation_error ("\t　\n", SB_STANDARD_DESIGNATION_ERROR_EMPTY, "No standard designation");
}

static void
test_prefix (void)
{
  /* Unknown codes are named */
  assert_designation_error ("XY 123-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“XY” is not a known standard code");
  assert_designation_error ("ABC/T 123-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“ABC”");
  assert_designation_error ("EN 1090-1:2009", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“EN”");
  assert_designation_error ("ITU-T X.509", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“ITU”");
  assert_designation_error ("gbb 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“GBB”");

  /* Nothing that looks like a code */
  assert_designation_error ("17859-1999", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "does not start with a standard code");
  assert_designation_error ("国标 17859-1999", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“国标 17859-1999”");
  assert_designation_error ("/T 1.1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, NULL);

  /* After GB only /T and /Z */
  assert_designation_error ("GB/X 1.1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“GB/X”");
  assert_designation_error ("JB/TT 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“JB/TT”");

  /* Local codes: a province or a city, and never /Z */
  assert_designation_error ("DB1/T 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“DB1”");
  assert_designation_error ("DB140/T 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“DB140”");
  assert_designation_error ("DB140100/T 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“DB140100”");
  assert_designation_error ("DB99/T 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“DB99”");
  assert_designation_error ("DB14/Z 1-2020", SB_STANDARD_DESIGNATION_ERROR_PREFIX,
                            "mandatory (DB14) or recommended (DB14/T)");

  /* Group standards need the organisation */
  assert_designation_error ("T/ 123-2022", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "no organisation code after T/");
  assert_designation_error ("T/123-2022", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "no organisation code");

  /* International: known document types and co-publishers only */
  assert_designation_error ("ISO/DIS 9001:2015", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“ISO/DIS”");
  assert_designation_error ("ISO/ISO 9001:2015", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“ISO/ISO”");
  assert_designation_error ("ISO/ 9001:2015", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“ISO/”");
  assert_designation_error ("IEC FOO 1:2015", SB_STANDARD_DESIGNATION_ERROR_PREFIX, "“IEC FOO”");
}

static void
test_enterprise (void)
{
  assert_designation_error ("Q/SXJT 001-2020", SB_STANDARD_DESIGNATION_ERROR_ENTERPRISE, "Art. 11 (3)");
  assert_designation_error ("q/cr 9202-2015", SB_STANDARD_DESIGNATION_ERROR_ENTERPRISE, "enterprise standard");
  assert_designation_error ("Q／140100 ABC 01-2021", SB_STANDARD_DESIGNATION_ERROR_ENTERPRISE, NULL);
  assert_designation_error ("Q", SB_STANDARD_DESIGNATION_ERROR_ENTERPRISE, NULL);

  /* QB (light industry), QC (automotive), QJ (aerospace) are not enterprise codes */
  for (const char * const *code = (const char * const[]) { "QB", "QC", "QJ", NULL }; *code != NULL; code++)
    {
      g_autofree char *text = g_strdup_printf ("%s/T 1-2018", *code);
      g_autoptr(SbStandardDesignation) designation = sb_standard_designation_parse (text, NULL);

      g_assert_nonnull (designation);
      g_assert_cmpint (designation->level, ==, INDUSTRY);
    }
}

static void
test_number (void)
{
  /* Missing */
  assert_designation_error ("GB/T", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "has no standard number");
  assert_designation_error ("GB/T -2020", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "has no standard number");
  assert_designation_error ("DB14/T-2021", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "has no standard number");
  assert_designation_error ("T/CAS -2022", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "has no standard number");
  assert_designation_error ("ISO/IEC :2022", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "has no standard number");
  assert_designation_error ("ISO", SB_STANDARD_DESIGNATION_ERROR_NUMBER, NULL);

  /* Malformed */
  assert_designation_error ("GB/T 1.-2020", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "with a dot before a part number");
  assert_designation_error ("GB/T 1.1a-2020", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "dot");
  assert_designation_error ("GB/T A1-2020", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "dot");
  assert_designation_error ("GB/T 1/2020", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "dot");
  assert_designation_error ("IEC 60601-:2005", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "with a hyphen before a part number");
  assert_designation_error ("ISO 9001.1:2015", SB_STANDARD_DESIGNATION_ERROR_NUMBER, "hyphen");
}

static void
test_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  g_autofree char *next_year = g_strdup_printf ("GB/T 1.1-%d", this_year + 1);
  g_autofree char *in_two_years = g_strdup_printf ("GB/T 1.1-%d", this_year + 2);
  g_autoptr(SbStandardDesignation) designation = NULL;

  /* Missing: the edition year is required */
  assert_designation_error ("GB/T 1.1", SB_STANDARD_DESIGNATION_ERROR_YEAR, "the year is required, as in GB/T 1.1-2020");
  assert_designation_error ("GB/T 1.1-", SB_STANDARD_DESIGNATION_ERROR_YEAR, "no edition year");
  assert_designation_error ("DB14/T 2345", SB_STANDARD_DESIGNATION_ERROR_YEAR, "no edition year");
  assert_designation_error ("T/CAS 123", SB_STANDARD_DESIGNATION_ERROR_YEAR, "no edition year");
  assert_designation_error ("ISO 9001", SB_STANDARD_DESIGNATION_ERROR_YEAR, "as in ISO 9001:2015");
  /* The year of an ISO standard follows a colon: 9001-2015 is a part number */
  assert_designation_error ("ISO 9001-2015", SB_STANDARD_DESIGNATION_ERROR_YEAR, "as in ISO 9001:2015");
  assert_designation_error ("GB/T 1.1 标准化工作导则", SB_STANDARD_DESIGNATION_ERROR_YEAR, "no edition year");

  /* Malformed */
  assert_designation_error ("GB/T 1.1-202", SB_STANDARD_DESIGNATION_ERROR_YEAR, "four digits");
  assert_designation_error ("GB/T 1.1-20201", SB_STANDARD_DESIGNATION_ERROR_YEAR, "four digits");
  assert_designation_error ("GB/T 1.1-2020202020202020202020", SB_STANDARD_DESIGNATION_ERROR_YEAR, "four digits");
  assert_designation_error ("ISO 9001:201", SB_STANDARD_DESIGNATION_ERROR_YEAR, "four digits");

  /* Impossible */
  assert_designation_error ("GB/T 1.1-1948", SB_STANDARD_DESIGNATION_ERROR_YEAR, "1948 is not between 1949");
  assert_designation_error ("ISO 1:1900", SB_STANDARD_DESIGNATION_ERROR_YEAR, "1900");
  assert_designation_error ("GB/T 1.1-2101", SB_STANDARD_DESIGNATION_ERROR_YEAR, "2101");
  assert_designation_error (in_two_years, SB_STANDARD_DESIGNATION_ERROR_YEAR, "is not between 1949 and");

  /* Next year is possible: standards approved late in the year carry it */
  designation = sb_standard_designation_parse (next_year, NULL);
  g_assert_nonnull (designation);
  g_assert_cmpint (designation->year, ==, this_year + 1);

  /* Nothing may follow the year */
  assert_designation_error ("GB/T 1.1-2020 标准化工作导则", SB_STANDARD_DESIGNATION_ERROR_YEAR, "should end with its edition year");
  assert_designation_error ("GB/T 1.1-2020x", SB_STANDARD_DESIGNATION_ERROR_YEAR, "as in GB/T 1.1-2020");
  assert_designation_error ("IEC 60601-1:2005+AMD1:2012", SB_STANDARD_DESIGNATION_ERROR_YEAR, "as in ISO 9001:2015");
  assert_designation_error ("ISO 9001:2015/GB 1-2000", SB_STANDARD_DESIGNATION_ERROR_YEAR, "should end");
}

static void
test_messages_quote_input (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sb_standard_designation_parse ("  gb/t 1.1  ", &error));
  g_assert_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_YEAR);
  /* The text as typed, without the surrounding spaces */
  g_assert_nonnull (strstr (error->message, "“gb/t 1.1”"));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sb_standard_designation_parse ("GB/T 1.1-2020\xff", &error));
  g_assert_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_YEAR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_assert_null (sb_standard_designation_parse ("\xfe\xff", &error));
  g_assert_error (error, SB_STANDARD_DESIGNATION_ERROR, SB_STANDARD_DESIGNATION_ERROR_PREFIX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_level_strings (void)
{
  static const char *names[] = { "international", "national", "industry", "local", "group" };
  static const char *labels[] = { "International", "National", "Industry", "Local", "Group" };
  SbStandardLevel level;

  for (guint i = 0; i < SB_N_STANDARD_LEVELS; i++)
    {
      g_assert_cmpstr (sb_standard_level_to_string ((SbStandardLevel) i), ==, names[i]);
      g_assert_cmpstr (sb_standard_level_get_label ((SbStandardLevel) i), ==, labels[i]);

      g_assert_true (sb_standard_level_from_string (names[i], &level));
      g_assert_cmpint (level, ==, i);
    }

  g_assert_true (sb_standard_level_from_string ("National", &level));
  g_assert_cmpint (level, ==, SB_STANDARD_LEVEL_NATIONAL);

  level = SB_STANDARD_LEVEL_GROUP;
  g_assert_false (sb_standard_level_from_string ("enterprise", &level));
  g_assert_false (sb_standard_level_from_string ("", &level));
  g_assert_false (sb_standard_level_from_string (NULL, &level));
  g_assert_cmpint (level, ==, SB_STANDARD_LEVEL_GROUP);
}

static void
test_free_null (void)
{
  sb_standard_designation_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/standard-designation/national", test_national);
  g_test_add_func ("/standard-designation/two-digit-year", test_two_digit_year);
  g_test_add_func ("/standard-designation/industry", test_industry);
  g_test_add_func ("/standard-designation/industry-label", test_industry_label);
  g_test_add_func ("/standard-designation/local", test_local);
  g_test_add_func ("/standard-designation/group", test_group);
  g_test_add_func ("/standard-designation/international", test_international);
  g_test_add_func ("/standard-designation/tolerant", test_tolerant);
  g_test_add_func ("/standard-designation/adoption", test_adoption);
  g_test_add_func ("/standard-designation/empty", test_empty);
  g_test_add_func ("/standard-designation/prefix", test_prefix);
  g_test_add_func ("/standard-designation/enterprise", test_enterprise);
  g_test_add_func ("/standard-designation/number", test_number);
  g_test_add_func ("/standard-designation/year", test_year);
  g_test_add_func ("/standard-designation/messages-quote-input", test_messages_quote_input);
  g_test_add_func ("/standard-designation/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/standard-designation/level-strings", test_level_strings);
  g_test_add_func ("/standard-designation/free-null", test_free_null);

  return g_test_run ();
}
