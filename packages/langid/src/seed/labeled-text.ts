/** One labelled training or evaluation text. */
export interface LabeledText {
  /** `xxx_Xxxx` tag. */
  tag: string;
  text: string;
  /**
   * Groups the texts of one document so held-out splits never cut through it. Parallel corpora use a
   * language-independent id (FLORES `index_id`, UDHR article, Bible chapter) so translations stay together too.
   */
  docId: string;
  /** The corpus it came from: 'udhr', 'flores-sib', a file name… */
  source: string;
}
