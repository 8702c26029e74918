import type { DeviceTopic } from '@iot-devkit/core';

export interface TopicPickItem {
  readonly label: string;
  readonly description: string;
  readonly value: string;
}

/** Publish Message's topic rows: each topic with what it is for in the UI language (core's zh-CN and English texts). */
export function topicPickItems(topics: readonly DeviceTopic[], zh: boolean): TopicPickItem[] {
  return topics.map((t) => ({ label: t.filter, description: zh ? t.purpose.zh : t.purpose.en, value: t.filter }));
}
