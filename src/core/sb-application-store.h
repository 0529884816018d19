/* sb-application-store.h: submitting an application (申报书)
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"

G_BEGIN_DECLS

#define SB_APPLICATION_ERROR (sb_application_error_quark ())

typedef enum
{
  SB_APPLICATION_ERROR_INVALID,   /* the form has errors; the message lists the first */
} SbApplicationError;

typedef struct
{
  gint64  id;
  char   *file_name;  /* the name it had when added */
  gint64  size;       /* bytes */
  int     pages;
  char   *path;       /* the stored copy */
} SbApplicationDocument;

GQuark  sb_application_error_quark (void);

GPtrArray *sb_application_list_documents   (SbDatabase  *database,
                                            GArray      *ids,
                                            GError     **error);
GArray    *sb_application_list_recommenders (SbDatabase *database,
                                            GError     **error);
void       sb_application_document_free    (SbApplicationDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbApplicationDocument, sb_application_document_free)

gint64  sb_application_submit      (SbBaseStore  *store,
                                    GHashTable   *values,
                                    gint64        draft_id,
                                    const char   *actor,
                                    const GDate  *today,
                                    GError      **error);

G_END_DECLS
