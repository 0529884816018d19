/* sb-standard-designation.h: parsing standard designations
 *
 * GB 17859-1999, GB/T 1.1-2020, JB/T 10000-2019, DB14/T 2345-2021,
 * T/CAS 123-2022, ISO 9001:2015, ISO/IEC 27001:2022 … each parsed into its
 * parts and the level it implies.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SB_STANDARD_DESIGNATION_ERROR (sb_standard_designation_error_quark ())

typedef enum
{
  SB_STANDARD_DESIGNATION_ERROR_EMPTY,
  SB_STANDARD_DESIGNATION_ERROR_PREFIX,     /* unknown issuing code */
  SB_STANDARD_DESIGNATION_ERROR_NUMBER,     /* missing or malformed number */
  SB_STANDARD_DESIGNATION_ERROR_YEAR,       /* missing or impossible year */
  SB_STANDARD_DESIGNATION_ERROR_ENTERPRISE, /* Q/… enterprise standards do not count */
} SbStandardDesignationError;

typedef enum
{
  SB_STANDARD_LEVEL_INTERNATIONAL,
  SB_STANDARD_LEVEL_NATIONAL,
  SB_STANDARD_LEVEL_INDUSTRY,
  SB_STANDARD_LEVEL_LOCAL,
  SB_STANDARD_LEVEL_GROUP,
  SB_N_STANDARD_LEVELS
} SbStandardLevel;

typedef enum
{
  SB_STANDARD_NATURE_MANDATORY,    /* GB, JB, DB14 */
  SB_STANDARD_NATURE_RECOMMENDED,  /* /T */
  SB_STANDARD_NATURE_GUIDANCE,     /* /Z */
  SB_STANDARD_NATURE_NOT_APPLICABLE, /* group and international standards */
} SbStandardNature;

typedef struct
{
  char             *normalised;  /* "GB/T 1.1-2020" */
  char             *prefix;      /* "GB/T", "DB14/T", "T/CAS", "ISO/IEC" */
  char             *issuer;      /* "GB", "JB", "DB14", "CAS", "ISO/IEC" */
  char             *number;      /* "1.1", "27001", "60601-1" */
  int               year;        /* four digits */
  SbStandardLevel   level;
  SbStandardNature  nature;
} SbStandardDesignation;

GQuark                 sb_standard_designation_error_quark (void);

SbStandardDesignation *sb_standard_designation_parse (const char             *text,
                                                      GError                **error);
void                   sb_standard_designation_free  (SbStandardDesignation  *designation);

const char            *sb_standard_level_to_string   (SbStandardLevel         level);
gboolean               sb_standard_level_from_string (const char             *text,
                                                      SbStandardLevel        *level);
const char            *sb_standard_level_get_label   (SbStandardLevel         level);

const char            *sb_standard_industry_get_label (const char            *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbStandardDesignation, sb_standard_designation_free)

G_END_DECLS
