/* sb-review-panel.h: expert panels, their score sheets and the combined result
 */
#pragma once

#include <glib.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_REVIEW_PANEL_ERROR (sb_review_panel_error_quark ())

typedef enum
{
  SB_REVIEW_PANEL_ERROR_INVALID,
  SB_REVIEW_PANEL_ERROR_CONFLICT,    /* the expert works for a unit under review */
  SB_REVIEW_PANEL_ERROR_NOT_FOUND,
} SbReviewPanelError;

typedef enum
{
  SB_PANEL_KIND_EXPERT,       /* the application, Art. 15 */
  SB_PANEL_KIND_MIDTERM,      /* Art. 19 */
  SB_PANEL_KIND_ACCEPTANCE,   /* Art. 20 */
  SB_PANEL_KIND_ANNUAL,       /* Art. 36 */
  SB_N_PANEL_KINDS
} SbPanelKind;

typedef struct
{
  const char *id;
  const char *label;          /* translatable, N_() */
  double      max_score;
} SbCriterion;

typedef struct
{
  gint64  id;
  char   *name;
  char   *title;
  gint64  organisation_id;    /* 0 if none */
  char   *organisation_name;
  char   *fields;             /* domain codes, space-separated */
} SbExpert;

typedef struct
{
  gint64   expert_id;
  char    *expert_name;
  gboolean submitted;
  double   total;             /* out of the rubric's total, when submitted */
  char    *opinion;
} SbPanelSheet;

typedef struct
{
  gint64       id;
  gint64       base_id;
  SbPanelKind  kind;
  GDate        formed;
  GPtrArray   *sheets;        /* SbPanelSheet, one per member, by name */
} SbPanel;

typedef struct
{
  guint  n_sheets;            /* submitted */
  guint  n_members;
  double mean;
  double min;
  double max;
  double spread;              /* max − min */
  double std_dev;             /* population */
} SbPanelScores;

GQuark             sb_review_panel_error_quark  (void);

const char        *sb_panel_kind_to_string      (SbPanelKind        kind);
const char        *sb_panel_kind_get_label      (SbPanelKind        kind);
int                sb_panel_kind_get_article    (SbPanelKind        kind);
const SbCriterion *sb_panel_kind_get_rubric     (SbPanelKind        kind,
                                                 guint             *n_criteria);

gint64             sb_expert_add                (SbDatabase        *database,
                                                 const char        *name,
                                                 const char        *title,
                                                 gint64             organisation_id,
                                                 const char        *fields,
                                                 GError           **error);
GPtrArray         *sb_expert_list               (SbDatabase        *database,
                                                 GError           **error);

gint64             sb_panel_form                (SbDatabase        *database,
                                                 gint64             base_id,
                                                 SbPanelKind        kind,
                                                 const GDate       *date,
                                                 const gint64      *expert_ids,
                                                 guint              n_experts,
                                                 GError           **error);
gboolean           sb_panel_check_expert        (SbDatabase        *database,
                                                 gint64             base_id,
                                                 gint64             expert_id,
                                                 GError           **error);
GPtrArray         *sb_panel_list_for_base       (SbDatabase        *database,
                                                 gint64             base_id,
                                                 GError           **error);
gboolean           sb_panel_submit_sheet        (SbDatabase        *database,
                                                 gint64             panel_id,
                                                 gint64             expert_id,
                                                 const GDate       *date,
                                                 const double      *scores,
                                                 const char *const *comments,
                                                 const char        *opinion,
                                                 GError           **error);
gboolean           sb_panel_combine             (SbDatabase        *database,
                                                 gint64             panel_id,
                                                 SbPanelScores     *scores,
                                                 GError           **error);
void               sb_panel_scores_compute      (const double      *totals,
                                                 guint              n_totals,
                                                 guint              n_members,
                                                 SbPanelScores     *scores);

void               sb_expert_free               (SbExpert          *expert);
void               sb_panel_free                (SbPanel           *panel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbPanel, sb_panel_free)

G_END_DECLS
