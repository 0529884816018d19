/* sb-base-details.h: what a base's page shows beyond SbBase
 *
 * Its units with their credit codes, its six-new tags, the standards of
 * its application and those it produced, its documents, annual reports and
 * assessments: plain structs read with a few indexed queries, no GTK.
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"
#include "sb-database.h"
#include "sb-standard-designation.h"

G_BEGIN_DECLS

typedef enum
{
  SB_UNIT_ROLE_LEAD,          /* 牵头单位, Art. 11 */
  SB_UNIT_ROLE_CO_APPLICANT,  /* 联合申报单位, Art. 12 */
  SB_UNIT_ROLE_CO_BUILDER,    /* 共建单位 of the construction plan, Art. 16 */
  SB_UNIT_ROLE_RECOMMENDER,   /* Art. 13 */
  SB_N_UNIT_ROLES
} SbUnitRole;

typedef struct
{
  gint64      id;
  SbUnitRole  role;
  char       *name;
  char       *credit_code;    /* nullable: recommenders may have none */
  char       *kind;           /* "enterprise", "institution", ... */
  gboolean    legal_person;
  char       *address;        /* nullable */
  char       *contact_name;   /* nullable */
  char       *contact_phone;  /* nullable */
  char       *contact_email;  /* nullable */
} SbBaseUnit;

typedef struct
{
  gint64           id;
  char            *designation;  /* "GB/T 30001-2020" */
  char            *title;
  SbStandardLevel  level;
  gboolean         led;          /* else participated */
  gboolean         produced;     /* else named in the application, Art. 11 (3) */
  int              year;
} SbBaseStandard;

typedef struct
{
  gint64  id;
  char   *file_name;   /* the name it had when added */
  char   *kind;        /* "attachment", ... */
  gint64  size;        /* bytes */
  int     pages;
  char   *added_at;    /* as stored, ISO 8601 */
  char   *path;        /* the stored copy, from sb_document_store_get_path() */
} SbBaseDocument;

typedef struct
{
  int              year;
  GDate            submitted;
  SbAnnualFigures  figures;
  gint64           document_id;  /* 0: none */
} SbBaseReport;

typedef struct
{
  int       year;
  GDate     date;
  gboolean  has_scores;   /* the three areas of Art. 36, once entered */
  double    score_service;
  double    score_team;
  double    score_cooperation;
  gboolean  passed;
  char     *comments;
} SbBaseAssessment;

typedef struct
{
  GPtrArray  *units;        /* (element-type SbBaseUnit) lead, co-applicants, co-builders, recommender */
  GStrv       tag_names;    /* six-new tags, in the reference order and the locale's language */
  GPtrArray  *standards;    /* (element-type SbBaseStandard) application first, newest first */
  GPtrArray  *documents;    /* (element-type SbBaseDocument) oldest first */
  GArray     *reports;      /* (element-type SbBaseReport) newest year first */
  GPtrArray  *assessments;  /* (element-type SbBaseAssessment) newest year first */
} SbBaseDetails;

const char     *sb_unit_role_to_string          (SbUnitRole        role);
const char     *sb_unit_role_get_label          (SbUnitRole        role);

int             sb_annual_figures_get_standards (const SbAnnualFigures *figures);
double          sb_base_assessment_get_total    (const SbBaseAssessment *assessment);

GPtrArray      *sb_base_details_list_units       (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);
GStrv           sb_base_details_list_tag_names   (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);
GPtrArray      *sb_base_details_list_standards   (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);
GPtrArray      *sb_base_details_list_documents   (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);
GArray         *sb_base_details_list_reports     (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);
GPtrArray      *sb_base_details_list_assessments (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);

SbBaseDetails  *sb_base_details_load             (SbDatabase  *database,
                                                  gint64       base_id,
                                                  GError     **error);
void            sb_base_details_free             (SbBaseDetails *details);

void            sb_base_unit_free                (SbBaseUnit       *unit);
void            sb_base_standard_free            (SbBaseStandard   *standard);
void            sb_base_document_free            (SbBaseDocument   *document);
void            sb_base_assessment_free          (SbBaseAssessment *assessment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbBaseDetails, sb_base_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbBaseUnit, sb_base_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbBaseStandard, sb_base_standard_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbBaseDocument, sb_base_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbBaseAssessment, sb_base_assessment_free)

G_END_DECLS
