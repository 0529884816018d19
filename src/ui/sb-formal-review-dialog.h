/* sb-formal-review-dialog.h: the technical institution's formal review (Art. 14)
 */
#pragma once

#include <adwaita.h>

#include "sb-base.h"
#include "sb-profile.h"
#include "sb-programme.h"

G_BEGIN_DECLS

#define SB_TYPE_FORMAL_REVIEW_DIALOG (sb_formal_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbFormalReviewDialog, sb_formal_review_dialog, SB, FORMAL_REVIEW_DIALOG, AdwWindow)

SbFormalReviewDialog *sb_formal_review_dialog_new (GtkWindow       *parent,
                                                   SbProgramme     *programme,
                                                   SbBase          *base,
                                                   const SbProfile *profile,
                                                   const GDate     *today);

G_END_DECLS
