import { EditorContent, type Editor } from '@tiptap/react'

// The bordered box around an editor, with a placeholder box while Tiptap loads.
export function EditorFrame({ editor, editable }: { editor: Editor | null; editable: boolean }) {
  return (
    <div className={`answer-editor${editable ? '' : ' answer-editor--readonly'}`}>
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <div
          className="answer-editor__content answer-editor__content--loading"
          aria-hidden="true"
        />
      )}
    </div>
  )
}
