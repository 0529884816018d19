/* sb-score-sheet-dialog.h: an expert scores a base against the review's rubric
 */
#pragma once

#include <adwaita.h>

#include "sb-database.h"
#include "sb-review-panel.h"

G_BEGIN_DECLS

#define SB_TYPE_SCORE_SHEET_DIALOG (sb_score_sheet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbScoreSheetDialog, sb_score_sheet_dialog, SB, SCORE_SHEET_DIALOG, AdwWindow)

SbScoreSheetDialog *sb_score_sheet_dialog_new (GtkWindow     *parent,
                                               SbDatabase    *database,
                                               const SbPanel *panel,
                                               gint64         expert_id,
                                               const char    *base_name,
                                               const GDate   *today);
void                sb_score_sheet_dialog_set_score (SbScoreSheetDialog *self,
                                                     guint               criterion,
                                                     double              score);

G_END_DECLS
